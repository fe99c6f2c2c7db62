/**
 * Content addressing: the {@link dev.gyre.core.blob.BlobStore} contract (immutable blobs keyed by their SHA-256)
 * and {@link dev.gyre.core.blob.Digests}, the one place digests are computed and checked. The stores themselves
 * live with the services' glue (gyre-boot).
 */
package dev.gyre.core.blob;

/**
 * Content addressing: the {@link dev.gyre.core.blob.BlobStore} contract (immutable blobs keyed by their SHA-256),
 * {@link dev.gyre.core.blob.Digests}, the one place digests are computed and checked (with the streaming
 * {@link dev.gyre.core.blob.DigestingInputStream}), and the plain-Java {@link dev.gyre.core.blob.FileBlobStore}.
 * The stores that need a database or an S3 client live with the services' glue (gyre-boot).
 */
package dev.gyre.core.blob;

/** The PostgreSQL implementation of core's {@code BlobStore}: a service's blobs in its own database. */
package dev.gyre.boot.blob;

/**
 * The blob stores a service can be configured with ({@link dev.gyre.boot.blob.BlobStoreProperties}): PostgreSQL
 * large objects in its own database ({@link dev.gyre.boot.blob.JdbcBlobStore}), a directory (core's
 * {@code FileBlobStore}) or an S3 bucket ({@link dev.gyre.boot.blob.S3BlobStore}), and the move of the former bytea
 * table's rows into whichever is chosen.
 */
package dev.gyre.boot.blob;

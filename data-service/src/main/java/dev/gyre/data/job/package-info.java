/**
 * Ingest of large uploads in the background: the upload stored, a job row queued, a worker that runs it with
 * progress, cancel and recovery after a crash, and the sweep of blobs nothing references.
 */
package dev.gyre.data.job;

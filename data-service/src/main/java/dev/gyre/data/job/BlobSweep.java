package dev.gyre.data.job;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.gyre.core.blob.BlobStore;
import dev.gyre.core.blob.StoredBlob;
import dev.gyre.data.version.VersionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes blobs nothing references: uploads of finished jobs, Parquet written by an ingest that failed before its
 * version was committed, CSV of old versions once converted. A blob younger than {@code gyre.data.jobs.
 * sweep-min-age} is kept, since an ingest may be about to commit the version that references it.
 */
@Component
class BlobSweep {
    private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);

    private final BlobStore blobs;
    private final VersionService versions;
    private final IngestJobRepository jobs;
    private final JobProperties properties;

    BlobSweep(BlobStore blobs, VersionService versions, IngestJobRepository jobs, JobProperties properties) {
        this.blobs = blobs;
        this.versions = versions;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${gyre.data.jobs.sweep-every:1h}", fixedDelayString = "${gyre.data.jobs.sweep-every:1h}")
    void sweep() {
        int removed = sweep(properties.sweepMinAge());
        if (removed > 0) {
            log.info("Removed {} blob(s) that no version or job references", removed);
        }
    }

    /** Removes unreferenced blobs stored longer than {@code minAge} ago; returns how many. */
    int sweep(Duration minAge) {
        Set<String> keep = referenced();
        Instant before = Instant.now().minus(minAge);
        List<StoredBlob> doomed = new java.util.ArrayList<>();
        blobs.forEach(blob -> {
            if (!keep.contains(blob.key()) && !blob.storedAt().isAfter(before)) {
                doomed.add(blob);
            }
        });
        AtomicInteger removed = new AtomicInteger();
        Set<String> now = referenced(); // again: a version may have been committed while we listed
        doomed.stream().filter(b -> !now.contains(b.key())).forEach(b -> {
            blobs.delete(b.key());
            removed.incrementAndGet();
        });
        return removed.get();
    }

    /** Deletes the upload of a finished job at once, unless a version or another job still needs it. */
    void deleteIfUnreferenced(String key) {
        if (!referenced().contains(key)) {
            blobs.delete(key);
        }
    }

    private Set<String> referenced() {
        Set<String> keep = new HashSet<>(versions.referencedBlobs());
        keep.addAll(jobs.unfinishedUploads());
        return keep;
    }
}

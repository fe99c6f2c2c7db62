package dev.gyre.data.job;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Ingest jobs; state changes take the row lock so that the worker and a cancel never cross. */
interface IngestJobRepository extends JpaRepository<IngestJob, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from IngestJob j where j.id = :id")
    Optional<IngestJob> lock(Long id);

    /** The oldest QUEUED job, locked; a job another worker holds is skipped, not waited for. */
    @Query(value = "select * from ingest_job where status = 'QUEUED' order by id limit 1 for update skip locked",
            nativeQuery = true)
    Optional<IngestJob> lockNextQueued();

    @Query("select j.id from IngestJob j where j.status = 'RUNNING'")
    List<Long> running();

    /** An unfinished job of the dataset for the same upload: the same bytes sent twice are one job. */
    @Query("select j from IngestJob j where j.datasetId = :datasetId and j.uploadKey = :uploadKey"
            + " and j.status in ('QUEUED', 'RUNNING')")
    Optional<IngestJob> unfinished(Long datasetId, String uploadKey);

    /** Upload keys of jobs not yet finished: blobs the sweep must keep. */
    @Query("select j.uploadKey from IngestJob j where j.status in ('QUEUED', 'RUNNING')")
    List<String> unfinishedUploads();
}

package dev.gyre.training.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.gyre.training.experiment.JobCounts;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Training jobs; state changes go through a row lock so that the runner and a cancel never cross. */
interface TrainingJobRepository extends JpaRepository<TrainingJob, UUID>, JobCounts {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from TrainingJob j where j.id = :id")
    Optional<TrainingJob> lock(UUID id);

    /** The oldest QUEUED job, locked; jobs another runner holds are skipped, not waited for. */
    @Query(value = "select * from training_job where status = 'QUEUED' order by created_at limit 1 for update skip locked",
            nativeQuery = true)
    Optional<TrainingJob> lockNextQueued();

    @Query("select j.id from TrainingJob j where j.status = :status")
    List<UUID> idsByStatus(JobStatus status);

    Page<TrainingJob> findAllByOrderByCreatedAtDesc(Pageable pageable);

    @Override
    long countByExperiment(String experiment);

    @Query("select j.status from TrainingJob j where j.id = :id")
    Optional<JobStatus> statusOf(UUID id);
}

package dev.gyre.training.run;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Runs by job and by experiment. */
public interface RunRepository extends JpaRepository<Run, UUID> {

    List<Run> findByJobIdOrderByCreatedAt(UUID jobId);

    List<Run> findByExperiment(String experiment);

    long countByExperiment(String experiment);
}

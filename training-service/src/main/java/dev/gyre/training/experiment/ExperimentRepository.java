package dev.gyre.training.experiment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Experiments by name. */
public interface ExperimentRepository extends JpaRepository<Experiment, String> {

    /** Creates the experiment unless it exists (two jobs may name a new experiment at once). */
    @Modifying
    @Query(value = "insert into experiment (name, created_at) values (:name, now()) on conflict (name) do nothing",
            nativeQuery = true)
    void ensure(String name);
}

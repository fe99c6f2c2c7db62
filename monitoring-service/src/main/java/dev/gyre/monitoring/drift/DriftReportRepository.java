package dev.gyre.monitoring.drift;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Drift reports, newest per deployment. */
interface DriftReportRepository extends JpaRepository<DriftReport, UUID> {

    Optional<DriftReport> findFirstByDeploymentOrderByEvaluatedAtDesc(String deployment);
}

package dev.gyre.monitoring.monitor;

import org.springframework.data.jpa.repository.JpaRepository;

/** Monitors by deployment name. */
interface MonitorRepository extends JpaRepository<Monitor, String> {
}

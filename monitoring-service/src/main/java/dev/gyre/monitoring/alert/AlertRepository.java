package dev.gyre.monitoring.alert;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Alerts by id. */
interface AlertRepository extends JpaRepository<Alert, UUID> {
}

package dev.gyre.serving.deployment;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored deployments, by name. */
interface DeploymentRepository extends JpaRepository<Deployment, String> {
}

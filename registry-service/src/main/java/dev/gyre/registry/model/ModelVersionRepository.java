package dev.gyre.registry.model;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Versions of models. */
interface ModelVersionRepository extends JpaRepository<ModelVersion, Long> {

    Optional<ModelVersion> findByModelIdAndVersion(Long modelId, int version);

    Optional<ModelVersion> findByModelIdAndSha256(Long modelId, String sha256);

    List<ModelVersion> findByModelIdOrderByVersion(Long modelId);
}

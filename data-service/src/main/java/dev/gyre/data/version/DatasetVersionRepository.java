package dev.gyre.data.version;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Versions of a dataset, by number or by content. */
interface DatasetVersionRepository extends JpaRepository<DatasetVersion, Long> {

    Optional<DatasetVersion> findByDatasetIdAndVersion(Long datasetId, int version);

    Optional<DatasetVersion> findByDatasetIdAndContentHash(Long datasetId, String contentHash);

    Page<DatasetVersion> findByDatasetId(Long datasetId, Pageable pageable);

    long countByDatasetId(Long datasetId);
}

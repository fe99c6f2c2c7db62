package dev.gyre.data.version;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Versions of a dataset, by number or by content. */
interface DatasetVersionRepository extends JpaRepository<DatasetVersion, Long> {

    Optional<DatasetVersion> findByDatasetIdAndVersion(Long datasetId, int version);

    Optional<DatasetVersion> findByDatasetIdAndContentHash(Long datasetId, String contentHash);

    Page<DatasetVersion> findByDatasetId(Long datasetId, Pageable pageable);

    long countByDatasetId(Long datasetId);

    /**
     * The content keys (the content hashes of versions from before Parquet: their CSV blob), and the quarantine and
     * split files.
     */
    @Query(value = "select coalesce(content_key, content_hash) from dataset_version union select quarantine_key "
            + "from dataset_version where quarantine_key is not null union select split_key from dataset_version "
            + "where split_key is not null", nativeQuery = true)
    List<String> referencedBlobs();

    /**
     * Records the Parquet conversion of a version ingested before Parquet (the entity is immutable to JPA: this is
     * the one change a version row ever sees). A concurrent conversion that came first wins.
     */
    @Transactional
    @Modifying
    @Query(value = "update dataset_version set content_key = :key, content_size = :size"
            + " where id = :id and content_key is null", nativeQuery = true)
    int convertedTo(@Param("id") Long id, @Param("key") String key, @Param("size") long size);
}

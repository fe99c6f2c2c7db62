package dev.gyre.data.dataset;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Datasets by name; {@link #lockById} serializes the writes that add versions to one dataset. */
interface DatasetRepository extends JpaRepository<Dataset, Long> {

    Optional<Dataset> findByName(String name);

    boolean existsByName(String name);

    /** {@code select ... for update}: held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Dataset d where d.id = :id")
    Optional<Dataset> lockById(@Param("id") Long id);
}

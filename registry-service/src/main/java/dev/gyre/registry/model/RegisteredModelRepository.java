package dev.gyre.registry.model;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Models by name; {@link #lockByName} serializes every write to one model. */
interface RegisteredModelRepository extends JpaRepository<RegisteredModel, Long> {

    Optional<RegisteredModel> findByName(String name);

    /** Creates the model unless it exists; safe when two first registrations race. */
    @Modifying
    @Query(value = "insert into registered_model (name, description, created_at) values (:name, :description, now())"
            + " on conflict (name) do nothing", nativeQuery = true)
    int createIfAbsent(@Param("name") String name, @Param("description") String description);

    /** {@code select ... for update}: held until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from RegisteredModel m where m.name = :name")
    Optional<RegisteredModel> lockByName(@Param("name") String name);
}

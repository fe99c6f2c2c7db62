package dev.gyre.registry.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Aliases of models. */
interface ModelAliasRepository extends JpaRepository<ModelAlias, Long> {

    Optional<ModelAlias> findByModelIdAndAlias(Long modelId, String alias);

    List<ModelAlias> findByModelIdOrderByAlias(Long modelId);

    List<ModelAlias> findByModelIdInOrderByAlias(Collection<Long> modelIds);
}

package dev.gyre.registry.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelEventRepository extends JpaRepository<ModelEvent, Long> {

    List<ModelEvent> findByModelIdOrderByIdDesc(Long modelId);
}

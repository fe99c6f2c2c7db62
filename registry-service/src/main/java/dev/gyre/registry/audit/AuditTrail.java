package dev.gyre.registry.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.api.registry.ModelEventResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit entries inside the change they describe, and reads them back newest first. */
@Service
public class AuditTrail {
    private final ModelEventRepository events;

    AuditTrail(ModelEventRepository events) {
        this.events = events;
    }

    /** Records an event; must run inside the transaction that makes the change, so both commit or neither. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long modelId, EventType type, int version, String alias, String actor,
                       Map<String, ?> details) {
        events.save(new ModelEvent(modelId, type, version, alias, actor, new LinkedHashMap<>(details)));
    }

    @Transactional(readOnly = true)
    public List<ModelEventResponse> list(Long modelId) {
        return events.findByModelIdOrderByIdDesc(modelId).stream()
                .map(e -> new ModelEventResponse(e.getType().name(), e.getVersion(), e.getAlias(), e.getActor(),
                        e.getAt(), e.getDetails()))
                .toList();
    }
}

package dev.gyre.api.registry;

import java.util.List;

import dev.gyre.api.Caller;
import dev.gyre.api.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import org.springframework.core.io.Resource;

/** What training-service and serving-service ask of registry-service. */
@HttpExchange("/api/v1/models")
public interface RegistryApi {

    @GetExchange
    PageResponse<ModelResponse> models(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size);

    @GetExchange("/{name}")
    ModelResponse model(@PathVariable String name);

    @GetExchange("/{name}/versions/{version}")
    ModelVersionResponse version(@PathVariable String name, @PathVariable int version);

    /** The version an alias points at. */
    @GetExchange("/{name}/aliases/{alias}")
    ModelVersionResponse versionByAlias(@PathVariable String name, @PathVariable String alias);

    /** The bundle bytes; the {@code Digest} header carries {@code sha-256=<base64>}. */
    @GetExchange("/{name}/versions/{version}/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable String name, @PathVariable int version);

    /**
     * 201 with a new version (and its {@code Location}), or 200 with the existing one when these bytes were
     * registered before. The audit trail records {@code caller} (sent and read as {@code X-Gyre-User}).
     */
    @PostExchange(value = "/{name}/versions", contentType = "multipart/form-data")
    ResponseEntity<ModelVersionResponse> register(@PathVariable String name, @RequestPart("bundle") Resource bundle,
                                                  @RequestPart("metadata") RegisterModelRequest metadata,
                                                  Caller caller);

    @PutExchange("/{name}/aliases/{alias}")
    ModelResponse setAlias(@PathVariable String name, @PathVariable String alias, @RequestBody AliasRequest request,
                           Caller caller);

    /** Drops an alias (204); 404 if it is not set. */
    @DeleteExchange("/{name}/aliases/{alias}")
    ResponseEntity<Void> removeAlias(@PathVariable String name, @PathVariable String alias, Caller caller);

    /** Every version, oldest first; {@code ?page=&size=} gives one page of them as a {@code PageResponse}. */
    @GetExchange("/{name}/versions")
    List<ModelVersionResponse> versions(@PathVariable String name);

    /** Retires a version; 409 while an alias points at it. */
    @PostExchange("/{name}/versions/{version}/archive")
    ModelVersionResponse archive(@PathVariable String name, @PathVariable int version, Caller caller);

    /** The audit trail, newest first; {@code ?page=&size=} gives one page of it as a {@code PageResponse}. */
    @GetExchange("/{name}/events")
    List<ModelEventResponse> events(@PathVariable String name);
}

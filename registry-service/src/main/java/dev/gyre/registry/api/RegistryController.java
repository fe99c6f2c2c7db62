package dev.gyre.registry.api;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.gyre.api.Caller;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.AliasRequest;
import dev.gyre.api.registry.ModelEventResponse;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.boot.page.Pages;
import dev.gyre.registry.audit.AuditTrail;
import dev.gyre.registry.model.ModelLifecycle;
import dev.gyre.registry.model.ModelQueries;
import dev.gyre.registry.model.ModelRegistration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@link RegistryApi} over HTTP; every mapping comes from the interface, so training-service's and
 * serving-service's clients and this controller cannot drift apart.
 */
@RestController
class RegistryController implements RegistryApi {
    private final ModelQueries queries;
    private final ModelRegistration registration;
    private final ModelLifecycle lifecycle;
    private final AuditTrail audit;

    RegistryController(ModelQueries queries, ModelRegistration registration, ModelLifecycle lifecycle,
                       AuditTrail audit) {
        this.queries = queries;
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @Override
    public PageResponse<ModelResponse> models(int page, int size) {
        return queries.models(Pages.pageable(page, size, Sort.by("name")));
    }

    @Override
    public ModelResponse model(String name) {
        return queries.model(name);
    }

    @Override
    public List<ModelVersionResponse> versions(String name) {
        return queries.versions(name);
    }

    @Override
    public ModelVersionResponse version(String name, int version) {
        return queries.version(name, version);
    }

    @Override
    public ModelVersionResponse versionByAlias(String name, String alias) {
        return queries.versionByAlias(name, alias);
    }

    @Override
    public ResponseEntity<byte[]> bundle(String name, int version) {
        ModelQueries.Bundle bundle = queries.bundle(name, version);
        byte[] digest = HexFormat.of().parseHex(bundle.sha256());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(digest))
                .eTag("\"" + bundle.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + "-" + version + ".gyre").build().toString())
                .body(bundle.bytes());
    }

    @Override
    public ResponseEntity<ModelVersionResponse> register(String name, Resource bundle, RegisterModelRequest metadata,
                                                         Caller caller) {
        byte[] bytes;
        try {
            bytes = bundle == null ? new byte[0] : bundle.getContentAsByteArray();
        } catch (IOException e) {
            throw Problems.of(ProblemCode.INVALID_BUNDLE, "The part 'bundle' could not be read", Map.of("field", "bundle"));
        }
        ModelRegistration.Registered registered = registration.register(name, bytes, metadata, caller.user());
        ModelVersionResponse v = registered.version();
        if (registered.created()) {
            return ResponseEntity.created(URI.create("/api/v1/models/" + v.model() + "/versions/" + v.version()))
                    .body(v);
        }
        return ResponseEntity.ok(v);
    }

    @Override
    public ModelResponse setAlias(String name, String alias, AliasRequest body, Caller caller) {
        return lifecycle.setAlias(name, alias, body, caller.user());
    }

    @Override
    public ResponseEntity<Void> removeAlias(String name, String alias, Caller caller) {
        lifecycle.removeAlias(name, alias, caller.user());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ModelVersionResponse archive(String name, int version, Caller caller) {
        return lifecycle.archive(name, version, caller.user());
    }

    @Override
    public List<ModelEventResponse> events(String name) {
        return audit.list(queries.id(name));
    }

    // Paged forms of the version and event lists: a request that names ?page= or ?size= gets the PageResponse every
    // other list returns; one with neither still gets today's bare array (the mappings above), so no client breaks.

    @GetMapping(path = {"/{name}/versions", "/{name}/events"}, params = "page")
    PageResponse<?> listPage(@PathVariable String name, @RequestParam Integer page,
                             @RequestParam(required = false) Integer size, HttpServletRequest request) {
        List<?> all = request.getRequestURI().endsWith("/events") ? events(name) : versions(name);
        return Pages.response(all, page, size);
    }

    @GetMapping(path = {"/{name}/versions", "/{name}/events"}, params = {"size", "!page"})
    PageResponse<?> listPage(@PathVariable String name, @RequestParam Integer size, HttpServletRequest request) {
        return listPage(name, null, size, request);
    }

    /** A missing (or empty) {@code bundle} or {@code metadata} part, named, rather than a bare 400. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ErrorResponseException missingPart(MissingServletRequestPartException e) {
        String part = e.getRequestPartName();
        return Problems.of("bundle".equals(part) ? ProblemCode.INVALID_BUNDLE : ProblemCode.MISSING_PART,
                "The multipart request needs a non-empty part '" + part + "'", Map.of("field", part));
    }
}

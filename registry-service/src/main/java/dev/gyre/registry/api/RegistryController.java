package dev.gyre.registry.api;

import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.gyre.api.PageQuery;
import dev.gyre.api.PageResponse;
import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.registry.AliasRequest;
import dev.gyre.api.registry.ModelEventResponse;
import dev.gyre.api.registry.ModelResponse;
import dev.gyre.api.registry.ModelVersionResponse;
import dev.gyre.api.registry.RegisterModelRequest;
import dev.gyre.api.registry.RegistryApi;
import dev.gyre.registry.audit.AuditTrail;
import dev.gyre.registry.model.ModelLifecycle;
import dev.gyre.registry.model.ModelQueries;
import dev.gyre.registry.model.ModelRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@link RegistryApi} over HTTP; every mapping comes from the interface, so training-service's and
 * serving-service's clients and this controller cannot drift apart.
 */
@RestController
class RegistryController implements RegistryApi {
    static final String USER_HEADER = "X-Gyre-User";
    private static final int MAX_ACTOR_LENGTH = 128;

    private final ModelQueries queries;
    private final ModelRegistration registration;
    private final ModelLifecycle lifecycle;
    private final AuditTrail audit;
    // request-scoped proxies: the interface's signatures leave no room for the header or the status
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    RegistryController(ModelQueries queries, ModelRegistration registration, ModelLifecycle lifecycle,
                       AuditTrail audit, HttpServletRequest request, HttpServletResponse response) {
        this.queries = queries;
        this.registration = registration;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.request = request;
        this.response = response;
    }

    @Override
    public PageResponse<ModelResponse> models(int page, int size) {
        PageQuery query = PageQuery.of(page, size);
        return queries.models(PageRequest.of(query.page(), query.size(), Sort.by("name")));
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

    /** 201 with a new version, or 200 with the existing one when these bytes were registered before. */
    // the header stays optional here (the interface's is required for clients): a direct call is "anonymous"
    @Override
    public ModelVersionResponse register(String name, Resource bundle, RegisterModelRequest metadata,
                                         @RequestHeader(value = USER_HEADER, required = false) String user) {
        byte[] bytes;
        try {
            bytes = bundle == null ? new byte[0] : bundle.getContentAsByteArray();
        } catch (IOException e) {
            throw Problems.of(ProblemCode.INVALID_BUNDLE, "The part 'bundle' could not be read", Map.of("field", "bundle"));
        }
        ModelRegistration.Registered registered = registration.register(name, bytes, metadata, actor(user));
        ModelVersionResponse v = registered.version();
        if (registered.created()) {
            response.setStatus(HttpStatus.CREATED.value());
            response.setHeader(HttpHeaders.LOCATION,
                    URI.create("/api/v1/models/" + v.model() + "/versions/" + v.version()).toString());
        }
        return v;
    }

    @Override
    public ModelResponse setAlias(String name, String alias, AliasRequest body) {
        return lifecycle.setAlias(name, alias, body, actor());
    }

    @Override
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeAlias(String name, String alias) {
        lifecycle.removeAlias(name, alias, actor());
    }

    @Override
    public ModelVersionResponse archive(String name, int version) {
        return lifecycle.archive(name, version, actor());
    }

    @Override
    public List<ModelEventResponse> events(String name) {
        return audit.list(queries.require(name).getId());
    }

    /** A missing (or empty) {@code bundle} or {@code metadata} part, named, rather than a bare 400. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ErrorResponseException missingPart(MissingServletRequestPartException e) {
        String part = e.getRequestPartName();
        return Problems.of("bundle".equals(part) ? ProblemCode.INVALID_BUNDLE : ProblemCode.MISSING_PART,
                "The multipart request needs a non-empty part '" + part + "'", Map.of("field", part));
    }

    /** Who is asking: the gateway's authenticated user, or "anonymous" when called directly. */
    private String actor() {
        return actor(request.getHeader(USER_HEADER));
    }

    private static String actor(String user) {
        if (user == null || user.isBlank()) {
            return "anonymous";
        }
        String stripped = user.strip();
        return stripped.length() > MAX_ACTOR_LENGTH ? stripped.substring(0, MAX_ACTOR_LENGTH) : stripped;
    }
}

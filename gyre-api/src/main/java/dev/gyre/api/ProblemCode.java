package dev.gyre.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The catalogue of Gyre's problem codes: each code's text (the last segment of the problem's {@code type} and its
 * {@code code} property), its usual status and its title. Every problem a service or the gateway answers is built
 * from one of these (docs/problems.md lists them); a code is added here, never spelled out where it is thrown.
 */
public enum ProblemCode {
    // the request itself
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    MISSING_BODY("missing-body", HttpStatus.BAD_REQUEST),
    MALFORMED_MULTIPART("malformed-multipart", HttpStatus.BAD_REQUEST),
    MISSING_PART("missing-part", HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST),
    INVALID_PAGE("invalid-page", HttpStatus.BAD_REQUEST),
    INVALID_NAME("invalid-name", HttpStatus.BAD_REQUEST),
    INVALID_FIELD("invalid-field", HttpStatus.BAD_REQUEST),
    MISSING_FIELD("missing-field", HttpStatus.BAD_REQUEST),
    INVALID_DATA("invalid-data", HttpStatus.BAD_REQUEST),
    INVALID_PATH("invalid-path", HttpStatus.BAD_REQUEST),
    UPLOAD_TOO_LARGE("upload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    CONFLICT("conflict", HttpStatus.CONFLICT),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),

    // data-service
    DATASET_EXISTS("dataset-exists", HttpStatus.CONFLICT),
    INVALID_SCHEMA("invalid-schema", HttpStatus.BAD_REQUEST),
    MISSING_LABEL_COLUMN("missing-label-column", HttpStatus.BAD_REQUEST),
    INVALID_CSV("invalid-csv", HttpStatus.BAD_REQUEST),
    INVALID_PARQUET("invalid-parquet", HttpStatus.BAD_REQUEST),
    NO_ROWS("no-rows", HttpStatus.BAD_REQUEST),
    INVALID_RECIPE("invalid-recipe", HttpStatus.BAD_REQUEST),
    MISSING_SOURCE("missing-source", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_SOURCE("unsupported-source", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_SPLIT("unsupported-split", HttpStatus.BAD_REQUEST),
    INVALID_URL("invalid-url", HttpStatus.BAD_REQUEST),
    URL_NOT_ALLOWED("url-not-allowed", HttpStatus.BAD_REQUEST),
    URL_UNREACHABLE("url-unreachable", HttpStatus.UNPROCESSABLE_CONTENT),
    SOURCE_FAILED("source-failed", HttpStatus.UNPROCESSABLE_CONTENT),
    SOURCE_TIMEOUT("source-timeout", HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_MANY_REDIRECTS("too-many-redirects", HttpStatus.UNPROCESSABLE_CONTENT),
    SOURCE_TOO_LARGE("source-too-large", HttpStatus.CONTENT_TOO_LARGE),
    UNKNOWN_CONNECTION("unknown-connection", HttpStatus.BAD_REQUEST),
    INVALID_QUERY("invalid-query", HttpStatus.BAD_REQUEST),
    QUERY_TOO_LARGE("query-too-large", HttpStatus.CONTENT_TOO_LARGE),
    SOURCE_UNAVAILABLE("source-unavailable", HttpStatus.BAD_GATEWAY),
    INTERRUPTED("interrupted", HttpStatus.SERVICE_UNAVAILABLE),

    // training-service
    INVALID_TASK("invalid-task", HttpStatus.BAD_REQUEST),
    INVALID_EVALUATION("invalid-evaluation", HttpStatus.BAD_REQUEST),
    INVALID_METRIC("invalid-metric", HttpStatus.BAD_REQUEST),
    INVALID_HYPERPARAMETER("invalid-hyperparameter", HttpStatus.BAD_REQUEST),
    INVALID_SEARCH("invalid-search", HttpStatus.BAD_REQUEST),
    UNKNOWN_ALGORITHM("unknown-algorithm", HttpStatus.BAD_REQUEST),
    TOO_MANY_RUNS("too-many-runs", HttpStatus.BAD_REQUEST),
    INVALID_DATASET_VERSION("invalid-dataset-version", HttpStatus.BAD_REQUEST),
    UNKNOWN_LABEL("unknown-label", HttpStatus.BAD_REQUEST),
    LABEL_NOT_NUMERIC("label-not-numeric", HttpStatus.BAD_REQUEST),
    LABEL_NOT_CATEGORICAL("label-not-categorical", HttpStatus.BAD_REQUEST),
    LABEL_ONE_CLASS("label-one-class", HttpStatus.BAD_REQUEST),
    UNKNOWN_DATASET("unknown-dataset", HttpStatus.NOT_FOUND),
    UNKNOWN_DATASET_VERSION("unknown-dataset-version", HttpStatus.NOT_FOUND),
    JOB_FINISHED("job-finished", HttpStatus.CONFLICT),

    // registry-service
    INVALID_BUNDLE("invalid-bundle", HttpStatus.BAD_REQUEST),
    BUNDLE_TOO_LARGE("bundle-too-large", HttpStatus.CONTENT_TOO_LARGE),
    BUNDLE_CORRUPTED("bundle-corrupted", HttpStatus.INTERNAL_SERVER_ERROR),
    MISSING_METADATA("missing-metadata", HttpStatus.BAD_REQUEST),
    INVALID_METRICS("invalid-metrics", HttpStatus.BAD_REQUEST),
    VERSION_ALIASED("version-aliased", HttpStatus.CONFLICT),
    VERSION_ARCHIVED("version-archived", HttpStatus.CONFLICT),

    // serving-service
    INVALID_TARGET("invalid-target", HttpStatus.BAD_REQUEST),
    INVALID_VERSION("invalid-version", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_STRATEGY("unsupported-strategy", HttpStatus.BAD_REQUEST),
    MISSING_INSTANCES("missing-instances", HttpStatus.BAD_REQUEST),
    INVALID_INSTANCES("invalid-instances", HttpStatus.BAD_REQUEST),
    TOO_MANY_INSTANCES("too-many-instances", HttpStatus.CONTENT_TOO_LARGE),
    CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT),
    DEPLOYMENT_NOT_READY("deployment-not-ready", HttpStatus.SERVICE_UNAVAILABLE),
    BUNDLE_DIGEST_MISMATCH("bundle-digest-mismatch", HttpStatus.BAD_GATEWAY),

    // monitoring-service
    INVALID_PREDICTION("invalid-prediction", HttpStatus.BAD_REQUEST),
    INVALID_FEEDBACK("invalid-feedback", HttpStatus.BAD_REQUEST),
    BATCH_TOO_LARGE("batch-too-large", HttpStatus.BAD_REQUEST),
    UNKNOWN_COLUMN("unknown-column", HttpStatus.BAD_REQUEST),
    UNKNOWN_REFERENCE("unknown-reference", HttpStatus.BAD_REQUEST),
    NO_PREDICTIONS("no-predictions", HttpStatus.CONFLICT),

    // a peer service failed: gyre-boot's Peer answers <service>-unavailable (503) or <service>-error (502)
    DATA_SERVICE_UNAVAILABLE("data-service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    DATA_SERVICE_ERROR("data-service-error", HttpStatus.BAD_GATEWAY),
    REGISTRY_SERVICE_UNAVAILABLE("registry-service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    REGISTRY_SERVICE_ERROR("registry-service-error", HttpStatus.BAD_GATEWAY),

    // the gateway
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    SERVICE_STARTING("service-starting", HttpStatus.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT);

    private static final Map<String, ProblemCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemCode::code, Function.identity()));

    private final String code;
    private final HttpStatus status;

    ProblemCode(String code, HttpStatus status) {
        this.code = code;
        this.status = status;
    }

    /** The code as written in a problem, e.g. {@code invalid-csv}. */
    public String code() {
        return code;
    }

    /** The status a problem of this code has unless its thrower relays another (e.g. a peer's bundle, 502). */
    public HttpStatus status() {
        return status;
    }

    /** The problem's title: the code in words, "invalid-csv" → "Invalid csv". */
    public String title() {
        return titleOf(code);
    }

    /** The problem's {@code type}. */
    public String type() {
        return Problems.TYPE_PREFIX + code;
    }

    public static Optional<ProblemCode> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * The code of a bare status (a framework error with no Gyre code): the catalogue's entry for the status's
     * reason phrase in kebab case ("Not Found" → {@code not-found}), else that phrase; a 500 is {@code internal-error}.
     */
    public static String forStatus(HttpStatusCode status) {
        if (status.value() == 500) {
            return INTERNAL_ERROR.code;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String phrase = known == null ? "error-" + status.value() : known.getReasonPhrase();
        return phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    static String titleOf(String code) {
        String words = code.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public String toString() {
        return code;
    }
}

package dev.gyre.boot.problem;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import dev.gyre.api.UnknownValueException;
import dev.gyre.boot.json.RefusedValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every exception a controller lets out into an RFC 9457 problem with a stable
 * {@code type} and {@code code}. Framework errors (unreadable JSON, a bad path variable, an
 * unsupported media type) get Gyre types too, and anything unexpected becomes a 500 problem
 * that names no internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final java.util.Set<String> ABSENT_CONSTRAINTS = java.util.Set.of("NotNull", "NotBlank", "NotEmpty");

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (ex.getCause() == null) {
            // Spring's "required request body is missing": the one unreadable body without a parser's cause
            return handleExceptionInternal(ex, problem(ProblemCode.MISSING_BODY, "The request needs a body"),
                    headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = problem(ProblemCode.MALFORMED_REQUEST, "The request body could not be read");
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            UnknownValueException unknown = unknownValue(ex);
            if (unknown != null) {
                problem = problem(unknown.code(), "Field '" + field + "' " + unknown.getMessage());
            } else if (jackson instanceof RefusedValueException refused) {
                problem.setDetail("Field '" + field + "' " + refused.getOriginalMessage());
            } else if (jackson instanceof InputCoercionException coercion) {
                problem.setDetail("Field '" + field + "' is out of range: " + coercion.getOriginalMessage());
            } else if (jackson instanceof StreamReadException read) {
                problem.setDetail("Malformed JSON at field '" + field + "': " + read.getOriginalMessage());
            } else {
                problem.setDetail("Field '" + field + "' has a value of the wrong type or shape");
            }
            problem.setProperty("field", field);
        } else if (ex.getCause() instanceof JacksonException jackson) {
            problem.setDetail("Malformed JSON: " + jackson.getOriginalMessage());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A request record's declared constraint ({@code @Min}, {@code @NotNull}...) broken: the first broken one, as
     * {@code missing-field} for an absent value and {@code invalid-field} otherwise, naming the field.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        FieldError error = ex.getBindingResult().getFieldError();
        if (error == null) {
            return handleExceptionInternal(ex, problem(ProblemCode.MALFORMED_REQUEST,
                    "The request body is invalid"), headers, HttpStatus.BAD_REQUEST, request);
        }
        boolean absent = ABSENT_CONSTRAINTS.contains(error.getCode());
        ProblemDetail problem = problem(absent ? ProblemCode.MISSING_FIELD : ProblemCode.INVALID_FIELD,
                error.getField() + " " + error.getDefaultMessage() + (absent ? "" : ", got " + error.getRejectedValue()));
        problem.setProperty("field", error.getField());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemCode.INVALID_PARAMETER,
                "Parameter '" + ex.getName() + "' has an invalid value '" + ex.getValue() + "'");
        problem.setProperty("field", ex.getName());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Only a unique-constraint violation is a conflict; any other value the database refuses (too long, out of
     * range, a NUL, a missing or dangling reference) is bad input, which the services should have refused first.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex, WebRequest request) {
        SQLException sql = sqlCause(ex);
        String state = sql == null ? null : sql.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            ProblemDetail problem = problem(ProblemCode.CONFLICT,
                    "The request conflicts with the current state (it may already exist)");
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
        }
        log.warn("Database refused data on {} (SQLState {}): {}", request.getDescription(false), state,
                ex.getMostSpecificCause().getMessage());
        ProblemDetail problem = problem(ProblemCode.INVALID_DATA,
                "The request holds a value that cannot be stored: " + dataFault(state));
        if (state != null) {
            problem.setProperty("sqlState", state);
        }
        if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server.getColumn() != null) {
                problem.setProperty("column", server.getColumn());
            }
        }
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A multipart body without a boundary, or one that ends in the middle of a part. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail problem = problem(ProblemCode.MALFORMED_MULTIPART,
                "The multipart body could not be read: its Content-Type needs a boundary, and every part must be "
                        + "complete and closed by the final boundary");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        ProblemDetail problem = problem(ProblemCode.UPLOAD_TOO_LARGE,
                "The upload is larger than the limit" + limit);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error on {}", request.getDescription(false), ex);
        ProblemDetail problem = problem(ProblemCode.INTERNAL_ERROR,
                "An unexpected error occurred; it has been logged");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Gives framework problems (type about:blank) a Gyre type and code derived from their status. Most
     * framework errors (415, 405, a missing part) arrive with a null body: their own problem is used.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            String code = ProblemCode.forStatus(statusCode);
            problem.setType(URI.create(Problems.TYPE_PREFIX + code));
            problem.setProperty("code", code);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail problem(ProblemCode code, String detail) {
        return Problems.detail(code, detail, Map.of());
    }

    private static UnknownValueException unknownValue(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownValueException unknown) {
                return unknown;
            }
        }
        return null;
    }

    private static SQLException sqlCause(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return null;
    }

    private static String dataFault(String state) {
        if (state == null) {
            return "a value is missing or invalid";
        }
        return switch (state) {
            case "22001" -> "a text is longer than allowed";
            case "22003" -> "a number is out of range";
            case "22007", "22008" -> "a date, time or duration is out of range";
            case "22021", "22P05" -> "a text holds a character that cannot be stored (such as NUL)";
            case "23502" -> "a required value is missing";
            case "23503" -> "it refers to something that does not exist, or something still refers to it";
            case "23514" -> "a value is outside its allowed range";
            default -> "a value is invalid";
        };
    }


    private static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

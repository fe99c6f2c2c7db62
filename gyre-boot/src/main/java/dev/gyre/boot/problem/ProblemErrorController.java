package dev.gyre.boot.problem;

import java.io.IOException;
import java.net.URI;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error page ({@code /error}), in place of Boot's: whatever reaches it (an exception a
 * filter let out, a {@code sendError} outside Spring MVC) is answered as a problem. An {@link ErrorResponse}
 * (a Gyre problem thrown from a filter) keeps its own status and body. The body is written directly, whatever the
 * request's {@code Accept} says.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final JsonMapper json;

    public ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = errorResponse(error);
        if (problem == null) {
            HttpStatusCode status = status(request);
            if (status.is5xxServerError() && error != null) {
                log.error("Unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            }
            String code = ProblemCode.forStatus(status);
            problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                    ? "An unexpected error occurred; it has been logged"
                    : "The request was refused: " + reason(status));
            problem.setType(URI.create(Problems.TYPE_PREFIX + code));
            problem.setTitle(reason(status));
            problem.setProperty("code", code);
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static ProblemDetail errorResponse(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse response) {
                return response.getBody();
            }
        }
        return null;
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i < 600 ? i : 500;
        return HttpStatusCode.valueOf(status);
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}

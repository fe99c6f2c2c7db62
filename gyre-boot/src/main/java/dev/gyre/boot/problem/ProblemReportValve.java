package dev.gyre.boot.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.gyre.api.ProblemCode;
import dev.gyre.api.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as a problem: errors Tomcat raises before Spring MVC sees the request (an encoded slash,
 * backslash or NUL in the path, an invalid escape, a malformed request line) would otherwise get Tomcat's HTML
 * page. Takes the place of {@link ErrorReportValve} on the host.
 */
public class ProblemReportValve extends ErrorReportValve {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error " + status : known.getReasonPhrase();
        String gyreCode = ProblemCode.forStatus(code);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_PREFIX + gyreCode);
        problem.put("title", reason);
        problem.put("status", status);
        problem.put("detail", code.is5xxServerError() ? "An unexpected error occurred"
                : status == 400 ? "The request was refused before it reached the service: its path or headers are "
                        + "malformed (for example an encoded slash, backslash or NUL, or an invalid escape)"
                : "The request was refused before it reached the service: " + reason);
        problem.put("code", gyreCode);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(JSON.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
        }
    }
}

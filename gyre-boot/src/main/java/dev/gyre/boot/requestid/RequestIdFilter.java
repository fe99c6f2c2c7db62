package dev.gyre.boot.requestid;

import java.io.IOException;

import dev.gyre.api.GyreHeaders;
import dev.gyre.api.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} if sane, else a new one. The id is in the
 * MDC as {@code requestId} while the request runs (so on every log line) and is set on the response.
 */
public class RequestIdFilter extends OncePerRequestFilter implements Ordered {
    /** The SLF4J MDC key the current request's id is under. */
    public static final String MDC_KEY = "requestId";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.saneOrNew(request.getHeader(GyreHeaders.REQUEST_ID));
        response.setHeader(GyreHeaders.REQUEST_ID, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}

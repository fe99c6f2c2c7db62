package dev.gyre.boot.requestid;

import java.io.IOException;

import dev.gyre.api.GyreHeaders;
import org.slf4j.MDC;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Copies the current request id (MDC {@code requestId}) into {@code X-Request-Id} of outgoing calls. As a
 * {@link RestClientCustomizer} bean it reaches Boot's {@code RestClient.Builder} and every HTTP service
 * client group (Boot's {@code RestClientCustomizerHttpServiceGroupConfigurer} applies customizer beans).
 */
public class RequestIdPropagation implements RestClientCustomizer, ClientHttpRequestInterceptor {

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptor(this);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null && !request.getHeaders().containsHeader(GyreHeaders.REQUEST_ID)) {
            request.getHeaders().set(GyreHeaders.REQUEST_ID, requestId);
        }
        return execution.execute(request, body);
    }
}

package dev.gyre.gateway.auth;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gyre.gateway.problem.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    @Bean
    ApiKeys apiKeys(AuthProperties properties) {
        if (properties.adminKey() == null || properties.adminKey().isBlank()) {
            throw new IllegalStateException(
                    "No admin key: set GYRE_ADMIN_KEY (property gyre.gateway.admin-key) before starting the gateway");
        }
        return new ConfiguredApiKeys(Map.of(properties.adminKey(), Caller.admin()));
    }

    @Bean
    ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeys apiKeys, ProblemWriter problems) {
        return new ApiKeyAuthenticationFilter(apiKeys, problems);
    }
}

package dev.gyre.gateway.readiness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gyre.gateway.problem.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

    @Bean
    ServiceReadiness serviceReadiness(Backends backends, ReadinessProperties properties) {
        return new ServiceReadiness(backends, properties);
    }

    @Bean
    ServiceAvailabilityFilter serviceAvailabilityFilter(ServiceReadiness readiness, ProblemWriter problems) {
        return new ServiceAvailabilityFilter(readiness, problems);
    }
}

package dev.gyre.gateway.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gyre.gateway.problem.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class PathConfiguration {

    @Bean
    RequestTargetGuard requestTargetGuard(ProblemWriter problems) {
        return new RequestTargetGuard(problems);
    }
}

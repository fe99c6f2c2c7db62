package dev.gyre.serving;

import dev.gyre.api.monitoring.MonitoringApi;
import dev.gyre.api.registry.RegistryApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.service.registry.ImportHttpServices;

/** serving-service: deployments that follow registry aliases, online prediction, prediction logging. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@ImportHttpServices(group = "registry", types = RegistryApi.class)
@ImportHttpServices(group = "monitoring", types = MonitoringApi.class)
public class ServingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServingServiceApplication.class, args);
    }
}

package dev.gyre.monitoring;

import dev.gyre.api.data.DataApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.service.registry.ImportHttpServices;

/** monitoring-service: prediction log, feedback, monitors, drift reports, performance and alerts. */
@SpringBootApplication
@ImportHttpServices(group = "data", types = DataApi.class)
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringServiceApplication.class, args);
    }
}

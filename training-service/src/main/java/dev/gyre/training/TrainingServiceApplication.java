package dev.gyre.training;

import dev.gyre.api.data.DataApi;
import dev.gyre.api.registry.RegistryApi;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.web.service.registry.ImportHttpServices;

/** Algorithm catalog, training jobs, runs and experiments; registers the best model of a job. */
@SpringBootApplication
@ConfigurationPropertiesScan
@ImportHttpServices(group = "data", types = DataApi.class)
@ImportHttpServices(group = "registry", types = RegistryApi.class)
public class TrainingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingServiceApplication.class, args);
    }
}

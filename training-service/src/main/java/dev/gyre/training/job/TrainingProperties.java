package dev.gyre.training.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gyre.training.*}: how many jobs train at once, how often idle workers look for queued jobs,
 * and the most runs one job may ask for.
 */
@ConfigurationProperties("gyre.training")
record TrainingProperties(@DefaultValue("1") int workers, @DefaultValue("5s") Duration pollInterval,
                          @DefaultValue("100") int maxRunsPerJob) {
    TrainingProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("gyre.training.workers must be at least 1, got " + workers);
        }
    }
}

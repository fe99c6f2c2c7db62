package dev.gyre.gateway.readiness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway learns that each backend has started.
 *
 * @param path         the readiness probe every service exposes
 * @param pollInterval the pause between probes of a service that is not ready yet
 * @param probeTimeout how long one probe may take
 * @param initialWait  how long start-up waits for the first probe of every service, so that services which are
 *                     already up are never reported as starting
 */
@ConfigurationProperties("gyre.gateway.readiness")
record ReadinessProperties(@DefaultValue("/actuator/health/readiness") String path,
                           @DefaultValue("500ms") Duration pollInterval,
                           @DefaultValue("1s") Duration probeTimeout,
                           @DefaultValue("2s") Duration initialWait) {
}

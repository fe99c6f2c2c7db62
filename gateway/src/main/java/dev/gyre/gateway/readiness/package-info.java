/**
 * Start-up readiness of the backends: until a service has answered its readiness probe once, its routes answer
 * 503 {@code service-starting} without calling it, so its circuit breaker counts only the failures of a service
 * that has started.
 */
package dev.gyre.gateway.readiness;

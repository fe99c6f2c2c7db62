/**
 * Whether the backends are there, and what a route answers when its service is not: until a service has answered
 * its readiness probe once, its routes answer 503 {@code service-starting} without calling it, so its circuit
 * breaker counts only the failures of a service that has started; a call that times out, cannot connect or meets an
 * open circuit becomes a 504 or 503 problem naming the service.
 */
package dev.gyre.gateway.readiness;

/**
 * Gyre's API gateway. Routes, timeouts and circuit breakers are configuration (application.yml);
 * the code here is authentication ({@code auth}) and the problem answered when a service is down
 * ({@code fallback}).
 */
package dev.gyre.gateway;

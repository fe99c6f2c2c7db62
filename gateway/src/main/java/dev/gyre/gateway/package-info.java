/**
 * Gyre's API gateway. Routes, timeouts and circuit breakers are configuration (application.yml);
 * the code here checks the request target ({@code path}), authenticates ({@code auth}), holds back routes to
 * services still starting ({@code readiness}), answers every error as a problem ({@code problem}) and names the
 * service that is down ({@code fallback}).
 */
package dev.gyre.gateway;

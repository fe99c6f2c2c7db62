/**
 * Gyre's API gateway. Routes, timeouts and circuit breakers are configuration (application.yml);
 * the code here checks the request target ({@code path}), authenticates ({@code auth}), holds back routes to
 * services still starting and names the service that is down or slow ({@code readiness}), and answers every error
 * as a problem ({@code problem}).
 */
package dev.gyre.gateway;

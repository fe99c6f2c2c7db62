/**
 * Request ids: {@code X-Request-Id} taken from the request (or made), put in the logging MDC and on the response,
 * and passed on to the services this one calls.
 */
package dev.gyre.boot.requestid;

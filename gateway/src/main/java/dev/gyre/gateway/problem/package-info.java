/**
 * Every error the gateway answers itself is an {@code application/problem+json} problem: the writer, the handler
 * of exceptions (unknown routes, 405, anything unexpected), the filter that gives a body to errors completed
 * without one, and the Netty handler for requests the HTTP decoder refuses (414, 431, malformed request lines).
 */
package dev.gyre.gateway.problem;

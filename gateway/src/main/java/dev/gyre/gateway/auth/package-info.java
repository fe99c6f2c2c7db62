/**
 * API-key authentication of every request but the public reads: who a bearer key belongs to ({@link dev.gyre.gateway.auth.ApiKeys})
 * and the filter that rejects unknown keys and tells the services who called ({@code X-Gyre-User}).
 */
package dev.gyre.gateway.auth;

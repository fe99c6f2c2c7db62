/**
 * The contract between Gyre's services: the records each REST API takes and returns, the
 * {@code @HttpExchange} interfaces that clients (and, where the shapes allow, controllers) share,
 * and the RFC 9457 problem types. Shapes are listed in {@code docs/api.md}; fields may be added, never changed.
 */
package dev.gyre.api;

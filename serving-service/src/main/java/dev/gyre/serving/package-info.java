/**
 * serving-service: deployments that follow registry aliases ({@code deployment}), online prediction
 * ({@code predict}) and asynchronous prediction logging to monitoring-service ({@code logging}).
 */
package dev.gyre.serving;

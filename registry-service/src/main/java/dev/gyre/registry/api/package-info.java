/** registry-service's REST API: {@link dev.gyre.api.registry.RegistryApi} served over HTTP. */
package dev.gyre.registry.api;

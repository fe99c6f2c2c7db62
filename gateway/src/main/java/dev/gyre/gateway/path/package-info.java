/** The request target is checked before anything else: one reading of the path for authentication, routing and the services. */
package dev.gyre.gateway.path;

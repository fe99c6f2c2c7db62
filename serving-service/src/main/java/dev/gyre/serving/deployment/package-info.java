/**
 * Deployments: which model version a name serves, resolved through registry-service, verified, loaded
 * into memory, and kept following its alias.
 */
package dev.gyre.serving.deployment;

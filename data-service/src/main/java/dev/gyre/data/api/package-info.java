/**
 * The HTTP surface: one controller implementing {@link dev.gyre.api.data.DataApi}, which spans datasets and
 * their versions, so that the controller and the other services' clients share one interface.
 */
package dev.gyre.data.api;

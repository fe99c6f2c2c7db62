/**
 * Drift evaluation: logged inputs and outputs against the reference version, feature by feature, with core's
 * {@code DriftTests}; reports are stored and a dataset drift raises an alert.
 */
package dev.gyre.monitoring.drift;

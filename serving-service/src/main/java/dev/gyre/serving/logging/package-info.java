/**
 * Prediction logging: every prediction is queued in memory (never blocking the request) and sent to
 * monitoring-service in batches by a background sender.
 */
package dev.gyre.serving.logging;

/** Alerts raised by monitoring (data drift, later performance and retraining). */
package dev.gyre.monitoring.alert;

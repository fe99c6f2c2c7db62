/** Model performance over logged predictions that have ground truth. */
package dev.gyre.monitoring.performance;

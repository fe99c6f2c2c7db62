/** Monitors: which reference dataset version a deployment is compared with, over which window, when drift is declared. */
package dev.gyre.monitoring.monitor;

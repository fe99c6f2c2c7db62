/**
 * Drift statistics, free of any storage or window: per-feature tests (Kolmogorov–Smirnov, chi-squared, PSI), the
 * thresholds that declare drift, and the dataset-level summary. Monitoring gathers the samples and calls these.
 */
package dev.gyre.core.drift;

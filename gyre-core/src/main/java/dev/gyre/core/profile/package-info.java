/**
 * Summary statistics of a table (counts, missing values, moments, quantiles, histograms, top values) computed by
 * {@link dev.gyre.core.profile.Profiler}; data-service stores them with each version, monitoring reads them back.
 */
package dev.gyre.core.profile;

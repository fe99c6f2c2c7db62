/**
 * Feature ranking: a version's columns ranked by relevance to a categorical label with gyre-core's
 * {@link dev.gyre.core.rank.FeatureRanker}, on a reproducible sample when the version is large.
 */
package dev.gyre.data.rank;

/**
 * Records to Tribuo examples: the {@link dev.gyre.core.features.FeatureSpec} fitted on training data and stored in
 * the bundle, and the one {@link dev.gyre.core.features.FeatureEncoder} that applies it in training and serving
 * alike, with the field errors it reports for bad input.
 */
package dev.gyre.core.features;

/**
 * The model bundle: its format (a deterministic zip with a manifest of digests), the strict reader that refuses
 * tampered or inflating archives before trusting them, and the {@link dev.gyre.core.bundle.Predictor} that serves
 * a loaded bundle. Registry writes and checks bundles with it; serving loads them.
 */
package dev.gyre.core.bundle;

/**
 * Training and judging models: the algorithm catalog with its typed hyperparameters, the trainer wrappers
 * (standardizing inputs, imputing empty features) on one forwarding base, the elastic-net penalty, k-fold and
 * hold-out evaluation, and the metrics that rank runs.
 */
package dev.gyre.core.ml;

/** Runs: one trained and evaluated candidate of a training job. */
package dev.gyre.training.run;

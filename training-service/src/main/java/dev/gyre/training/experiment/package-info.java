/** Experiments and their leaderboards of runs. */
package dev.gyre.training.experiment;

/** Training jobs: validation, persistence, the background runner and the training pipeline. */
package dev.gyre.training.job;

package dev.gyre.training.experiment;

/**
 * What an experiment's description needs to know of training jobs: how many name it. The job feature
 * provides it (its repository), so that experiment does not depend on job while job creates experiments.
 */
public interface JobCounts {

    long countByExperiment(String experiment);
}

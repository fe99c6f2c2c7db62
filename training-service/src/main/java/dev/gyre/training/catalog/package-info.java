/** The algorithm catalog: what can be trained and with which hyperparameters. */
package dev.gyre.training.catalog;

/** The prediction log (what serving-service sends) and the ground truth clients send back for it. */
package dev.gyre.monitoring.prediction;

/**
 * Curation recipes: the typed steps a user asks for to clean a dataset version into a new one, parsed from their
 * JSON form with errors that name the step and column at fault. {@link dev.gyre.core.columnar.Curator} runs them.
 */
package dev.gyre.core.curate;

/**
 * Registered models, their immutable versions (bundle digest, signature, metrics, lineage, stage) and
 * aliases: registration, reads, alias moves and archival, each write one transaction under the model's
 * row lock.
 */
package dev.gyre.registry.model;

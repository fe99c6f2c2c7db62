/**
 * Dataset versions: ingest (parse, infer, validate, profile, store content-addressed) and reads of a
 * version's metadata, profile and content.
 */
package dev.gyre.data.version;

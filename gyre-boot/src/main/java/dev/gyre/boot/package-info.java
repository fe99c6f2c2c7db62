/**
 * The auto-configuration every Gyre service gets by depending on gyre-boot: it wires the glue in the packages
 * below (problem details, strict JSON, the blob store, request ids) and backs off where a service brings its own.
 */
package dev.gyre.boot;

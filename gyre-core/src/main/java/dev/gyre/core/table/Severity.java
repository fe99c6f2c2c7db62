package dev.gyre.core.table;

/** What a failed rule does to a version: an error makes it INVALID, a warning is reported and changes nothing. */
public enum Severity { ERROR, WARNING }

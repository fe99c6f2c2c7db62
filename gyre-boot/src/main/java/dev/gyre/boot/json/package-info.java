/**
 * Strict JSON binding for every service: the values refused whatever the record (fractions as integers,
 * non-finite numbers, NUL and lone surrogates, instants PostgreSQL cannot store), each refusal naming its field.
 */
package dev.gyre.boot.json;

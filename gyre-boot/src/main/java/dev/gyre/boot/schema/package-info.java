/** The wire's column specs ↔ gyre-core's table schema, mapped once for every service. */
package dev.gyre.boot.schema;

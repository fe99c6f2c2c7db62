/** Online prediction against a loaded deployment, validated by gyre-core's feature spec. */
package dev.gyre.serving.predict;

/**
 * The monitoring REST API ({@code MonitorApi}): monitors, drift, performance and alerts. It composes the features
 * and holds no rule of its own, so that drift may build on monitor without monitor knowing drift.
 */
package dev.gyre.monitoring.api;

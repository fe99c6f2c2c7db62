package dev.gyre.data.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Background ingest ({@code gyre.data.jobs.*}).
 *
 * @param asyncAbove   uploads larger than this answer 202 with a job; smaller ones 201 with the version
 * @param waitedInRequestUpTo uploads sent with {@code Prefer: wait} up to this size are ingested in the request
 *                     (no job, not stored first), when a worker's share of the engine is free
 * @param workers      jobs ingested at once
 * @param pollInterval how often an idle worker looks for a queued job (a job queued here wakes it at once)
 * @param sweepEvery   how often blobs that nothing references are removed
 * @param sweepMinAge  a blob younger than this is kept (it may belong to an ingest not yet committed)
 */
@ConfigurationProperties("gyre.data.jobs")
record JobProperties(@DefaultValue("8MB") DataSize asyncAbove,
                     @DefaultValue("256MB") DataSize waitedInRequestUpTo,
                     @DefaultValue("1") int workers,
                     @DefaultValue("1s") Duration pollInterval,
                     @DefaultValue("1h") Duration sweepEvery,
                     @DefaultValue("1h") Duration sweepMinAge) {
}

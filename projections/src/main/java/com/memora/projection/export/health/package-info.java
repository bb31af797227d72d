/**
 * Content health checks (domain §11.6, decisions O5, O7, O9): an hourly quick check inside business hours that
 * samples the files the generator is expected to have written, and a nightly full scan for missing files, orphans
 * and CDN hash mismatches. Both compute the expected set from the same read model and the same file builder the
 * export pipeline uses, so the two cannot drift; missing files queue their plan for a rebuild. Reports follow the
 * reference contract {@code health-check.schema.json} and are kept with their history ({@link HealthCheckRuns}).
 */
package com.memora.projection.export.health;

package com.memora.kernel.command;

/**
 * A command whose handler loads its aggregate, or creates it when it does not exist yet
 * ({@code AggregateCreationPolicy.CREATE_IF_MISSING}). Two such commands for a new aggregate, on two nodes, both
 * append its first event; the loser fails with Axon's {@code AggregateStreamCreationException} rather than a
 * concurrency conflict. For these commands that is a lost race like any other: the command gateway retries it, and
 * the retry loads the aggregate the winner created (decisions S3: never a 409 for a conflict).
 */
public interface LoadOrCreateCommand {
}

package com.memora.command.srs;

/**
 * Limits of the player-memory aggregate (decisions S7), injected into its command handler.
 *
 * @param maxTrackedQuestions how many questions a player may track in one season
 */
public record ReviewLimits(int maxTrackedQuestions) {
}

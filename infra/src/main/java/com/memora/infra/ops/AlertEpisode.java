package com.memora.infra.ops;

import java.time.Instant;

/**
 * The open episode an alert is sent for.
 *
 * @param firstRaisedAt when the condition was first reported in this episode
 * @param occurrences   how often it has been reported so far; more than one means this is a reminder that the
 *                      condition still lasts
 */
public record AlertEpisode(Instant firstRaisedAt, int occurrences) {

    public boolean isReminder() {
        return occurrences > 1;
    }
}

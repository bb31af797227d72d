package com.memora.kernel.season;

public record SeasonActivatedEvent(String seasonId) {
}

package com.memora.kernel.season;

public record SeasonDeactivatedEvent(String seasonId) {
}

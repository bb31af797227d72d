package com.memora.kernel.season;

public record SeasonAutoArchiveEnabledEvent(String seasonId) {
}

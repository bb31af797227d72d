package com.memora.kernel.season;

public record SeasonAutoArchiveDisabledEvent(String seasonId) {
}

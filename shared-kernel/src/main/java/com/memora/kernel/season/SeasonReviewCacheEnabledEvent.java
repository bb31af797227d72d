package com.memora.kernel.season;

public record SeasonReviewCacheEnabledEvent(String seasonId) {
}

package com.memora.kernel.season;

public record SeasonReviewCacheDisabledEvent(String seasonId) {
}

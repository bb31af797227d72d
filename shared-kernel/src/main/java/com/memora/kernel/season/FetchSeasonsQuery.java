package com.memora.kernel.season;

/** All seasons, newest start date first. */
public record FetchSeasonsQuery() {
}

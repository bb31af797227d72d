package com.memora.kernel.season;

public record FetchSeasonQuery(String seasonId) {
}

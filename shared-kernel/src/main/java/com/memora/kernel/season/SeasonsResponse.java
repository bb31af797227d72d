package com.memora.kernel.season;

import java.util.List;

public record SeasonsResponse(List<SeasonResponse> seasons) {
}

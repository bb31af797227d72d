package com.memora.kernel.season;

import java.time.LocalDate;

/** Title or dates changed; carries all three so a consumer never needs the previous event. */
public record SeasonDetailsChangedEvent(String seasonId, String title, LocalDate startDate, LocalDate endDate) {
}

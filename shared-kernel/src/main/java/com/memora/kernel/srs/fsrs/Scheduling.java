package com.memora.kernel.srs.fsrs;

/** How a review moves a card: with same-day learning steps, or straight to whole-day intervals. */
interface Scheduling {

    CardMemory review(ReviewContext review, Rating rating);
}

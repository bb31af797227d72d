package com.memora.kernel.srs.fsrs;

/** Where a card is in its life: never reviewed, in its learning steps, in long-term review, or relearning after a lapse. */
public enum CardState {
    NEW, LEARNING, REVIEW, RELEARNING
}

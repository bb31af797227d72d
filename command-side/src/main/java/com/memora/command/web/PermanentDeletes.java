package com.memora.command.web;

import com.memora.kernel.error.InvalidInputException;

/** Permanent deletes of any kind need ADMIN and {@code confirm=true} (decisions D8); the role is checked by Spring. */
public final class PermanentDeletes {

    private PermanentDeletes() {
    }

    public static void requireConfirmation(boolean confirm) {
        if (!confirm) {
            throw new InvalidInputException("confirm-required", "confirm",
                    "Deleting for good cannot be undone and needs confirm=true");
        }
    }
}

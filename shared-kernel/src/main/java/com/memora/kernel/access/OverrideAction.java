package com.memora.kernel.access;

import java.util.Arrays;
import java.util.Optional;

/** The four per-plan override actions of the seeds (decisions D4), with the names the API uses. */
public enum OverrideAction {

    /** The node and its whole sub-tree vanish from every file of the plan, search index included. */
    HIDE("Hide"),
    /** The node's title is replaced by the override value in every file of the plan. */
    RENAME("Rename"),
    /** The node becomes {@code free_preview}, and so do its descendants (D1) unless they carry their own item. */
    SET_FREE("Set Free"),
    /** Track only, and the track must have its own item: in this plan it is sold on its own. */
    SET_SOLD_SEPARATELY("Set Sold Separately");

    private final String label;

    OverrideAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<OverrideAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(action -> action.label.equalsIgnoreCase(label)).findFirst();
    }
}

package com.memora.kernel.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four override actions of the seeds (decisions D4), with the labels the API uses. */
public enum OverrideAction {
    /** The node and its sub-tree vanish from every file of the plan. */
    HIDE("Hide", false),
    /** The node's title is replaced by the override's value in every file of the plan. */
    RENAME("Rename", true),
    /** The node becomes {@code free_preview}, and so does its sub-tree. */
    SET_FREE("Set Free", false),
    /** A track with its own item is sold separately in this plan. */
    SET_SOLD_SEPARATELY("Set Sold Separately", false);

    private final String label;
    private final boolean needsValue;

    OverrideAction(String label, boolean needsValue) {
        this.label = label;
        this.needsValue = needsValue;
    }

    public String label() {
        return label;
    }

    public boolean needsValue() {
        return needsValue;
    }

    public static Optional<OverrideAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(action -> action.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(OverrideAction::label).toList();
    }
}

package com.memora.kernel.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five levels of the content hierarchy (domain §1), top-down. The label is the name the API and the plan
 * overrides use for the target type ({@code "Unit"}).
 */
public enum NodeKind {

    SUBJECT("Subject"),
    TRACK("Track"),
    UNIT("Unit"),
    TOPIC("Topic"),
    LESSON("Lesson");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of this kind's children; a lesson has none (its stages are not nodes). */
    public Optional<NodeKind> childKind() {
        return this == LESSON ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** Only subjects and tracks can be bought (domain §1: units, topics and lessons are paid by inheritance). */
    public boolean canCarryItem() {
        return this == SUBJECT || this == TRACK;
    }

    public static Optional<NodeKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equalsIgnoreCase(label)).findFirst();
    }
}

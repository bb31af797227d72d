package com.memora.kernel.content;

import com.memora.kernel.id.AggregateIds;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five levels of the content tree, {@code Subject 1─* Track 1─* Unit 1─* Topic 1─* Lesson}. The depth is fixed:
 * a node's parent is always of the level above, so a move can never put a node under itself or under one of its
 * own descendants by kind alone (the aggregate still checks the ancestor chain, in case the lookup ever disagreed).
 * <p>
 * Each kind has its own id space: {@code unit:U1} and {@code lesson:U1} are different aggregates (decisions I2), as
 * they are different files ({@code units/U1.json}, {@code lessons/U1.json}) and override targets are keyed by type
 * and id (D4).
 */
public enum ContentKind {
    SUBJECT("subject", "subjects", "Subject", null),
    TRACK("track", "tracks", "Track", SUBJECT),
    UNIT("unit", "units", "Unit", TRACK),
    TOPIC("topic", "topics", "Topic", UNIT),
    LESSON("lesson", "lessons", "Lesson", TOPIC);

    private final String singular;
    private final String collection;
    private final String typeName;
    private final ContentKind parent;

    ContentKind(String singular, String collection, String typeName, ContentKind parent) {
        this.singular = singular;
        this.collection = collection;
        this.typeName = typeName;
        this.parent = parent;
    }

    /** {@code lesson}: the aggregate id prefix and the word used in messages. */
    public String singular() {
        return singular;
    }

    /** {@code lessons}: the REST collection ({@code /api/lessons}) and the import document's array name. */
    public String collection() {
        return collection;
    }

    /** {@code Lesson}: the {@code target_type} of plan overrides. */
    public String typeName() {
        return typeName;
    }

    /** The kind of this kind's parent; {@code null} for subjects, which are roots. */
    public ContentKind parent() {
        return parent;
    }

    /** The kind of this kind's children; {@code null} for lessons, which are leaves. */
    public ContentKind child() {
        return this == LESSON ? null : values()[ordinal() + 1];
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** {@code parent_topic} for lessons: the API field naming the parent; {@code null} for subjects. */
    public String parentField() {
        return parent == null ? null : "parent_" + parent.singular;
    }

    /** 0 for subjects, 4 for lessons: the number of ancestors a node of this kind has. */
    public int depth() {
        return ordinal();
    }

    /** The event-store identifier of the node with this business id (decisions I2). */
    public String aggregateId(String id) {
        return AggregateIds.of(singular, id);
    }

    public static Optional<ContentKind> fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(kind -> kind.typeName.equals(typeName)).findFirst();
    }

    public static Optional<ContentKind> fromCollection(String collection) {
        return Arrays.stream(values()).filter(kind -> kind.collection.equals(collection)).findFirst();
    }

    public static Optional<ContentKind> fromSingular(String singular) {
        return Arrays.stream(values()).filter(kind -> kind.singular.equals(singular)).findFirst();
    }
}

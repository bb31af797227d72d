package com.memora.kernel.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields an editor sent: {@code null} means "leave as it is", a blank string clears an optional text field.
 * Used for creates (applied to {@link ContentFields#blank()}) and for partial updates.
 */
public record ContentPatch(String title,
                           String description,
                           String image,
                           Boolean freePreview,
                           Integer sortOrder,
                           String colorCode,
                           Boolean isPublic,
                           String requiredItem,
                           Boolean soldSeparately,
                           Boolean parentItemRequired,
                           String badgeImage,
                           List<LessonStage> stages) {

    public static ContentPatch empty() {
        return new ContentPatch(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A patch that makes a node of {@code kind} hold exactly {@code fields}: every field of the kind is set, and
     * what {@code fields} leaves empty is cleared (used by the import, whose document describes nodes whole).
     */
    public static ContentPatch replacingWith(ContentKind kind, ContentFields fields) {
        return new ContentPatch(fields.title(), orBlank(fields.description()), orBlank(fields.image()),
                                fields.freePreview(), fields.sortOrder(),
                                only(kind, "color_code", orBlank(fields.colorCode())),
                                only(kind, "is_public", fields.isPublic()),
                                only(kind, "required_item", orBlank(fields.requiredItem())),
                                only(kind, "is_sold_separately", fields.soldSeparately()),
                                only(kind, "parent_item_required", fields.parentItemRequired()),
                                only(kind, "badge_image", orBlank(fields.badgeImage())),
                                only(kind, "stages", fields.stages()));
    }

    private static <T> T only(ContentKind kind, String field, T value) {
        return ContentRules.allows(kind, field) ? value : null;
    }

    /** API names of the kind-specific fields this patch sets, for the rule that they belong to the node's kind. */
    List<String> kindSpecificFieldsSet() {
        List<String> set = new ArrayList<>();
        addIf(set, "color_code", colorCode);
        addIf(set, "is_public", isPublic);
        addIf(set, "required_item", requiredItem);
        addIf(set, "is_sold_separately", soldSeparately);
        addIf(set, "parent_item_required", parentItemRequired);
        addIf(set, "badge_image", badgeImage);
        addIf(set, "stages", stages);
        return set;
    }

    private static void addIf(List<String> set, String name, Object value) {
        if (value != null) {
            set.add(name);
        }
    }

    private static String orBlank(String value) {
        return value == null ? "" : value;
    }
}

package com.memora.kernel.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an editor can set on a content node, as it stands (events carry it whole, so no consumer needs an
 * earlier event). Fields that do not belong to a node's kind keep their neutral value: {@code null}, {@code false},
 * or an empty stage list.
 *
 * @param colorCode          subjects only, {@code #RRGGBB}
 * @param isPublic           subjects only: open to anonymous users
 * @param requiredItem       subjects and tracks only: the item code that unlocks the node
 * @param soldSeparately     tracks only: a DLC that can be bought on its own (needs its own item)
 * @param parentItemRequired tracks only: buying the parent subject unlocks the track
 * @param badgeImage         units only
 * @param stages             lessons only, in order
 */
public record ContentFields(String title,
                            String description,
                            String image,
                            boolean freePreview,
                            int sortOrder,
                            String colorCode,
                            boolean isPublic,
                            String requiredItem,
                            boolean soldSeparately,
                            boolean parentItemRequired,
                            String badgeImage,
                            List<LessonStage> stages) {

    public ContentFields {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    /** A new node before the editor's values are applied. */
    public static ContentFields blank() {
        return new ContentFields(null, null, null, false, 0, null, false, null, false, false, null, List.of());
    }

    public boolean hasOwnItem() {
        return requiredItem != null;
    }

    /**
     * These fields with the patch's given values applied. A blank string clears an optional text field (the API
     * cannot tell "not sent" from JSON {@code null}); a blank title stays blank so that the rules refuse it.
     */
    public ContentFields apply(ContentPatch patch) {
        return new ContentFields(
                patch.title() == null ? title : patch.title().strip(),
                text(patch.description(), description),
                text(patch.image(), image),
                or(patch.freePreview(), freePreview),
                or(patch.sortOrder(), sortOrder),
                text(patch.colorCode(), colorCode),
                or(patch.isPublic(), isPublic),
                text(patch.requiredItem(), requiredItem),
                or(patch.soldSeparately(), soldSeparately),
                or(patch.parentItemRequired(), parentItemRequired),
                text(patch.badgeImage(), badgeImage),
                patch.stages() == null ? stages : patch.stages());
    }

    /** The API names of the fields that differ from {@code other}, in a fixed order. */
    public List<String> differencesFrom(ContentFields other) {
        List<String> changed = new ArrayList<>();
        diff(changed, "title", title, other.title);
        diff(changed, "description", description, other.description);
        diff(changed, "image", image, other.image);
        diff(changed, "is_free_preview", freePreview, other.freePreview);
        diff(changed, "sort_order", sortOrder, other.sortOrder);
        diff(changed, "color_code", colorCode, other.colorCode);
        diff(changed, "is_public", isPublic, other.isPublic);
        diff(changed, "required_item", requiredItem, other.requiredItem);
        diff(changed, "is_sold_separately", soldSeparately, other.soldSeparately);
        diff(changed, "parent_item_required", parentItemRequired, other.parentItemRequired);
        diff(changed, "badge_image", badgeImage, other.badgeImage);
        diff(changed, "stages", stages, other.stages);
        return changed;
    }

    private static void diff(List<String> changed, String name, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(name);
        }
    }

    private static String text(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isBlank() ? null : given.strip();
    }

    private static <T> T or(T given, T current) {
        return given == null ? current : given;
    }
}

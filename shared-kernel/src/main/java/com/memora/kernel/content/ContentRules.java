package com.memora.kernel.content;

import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.id.Identifiers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a content node's own fields obey, each problem with the API field it concerns. Pure: the aggregate
 * enforces them on every command and the import reports them for a whole document before dispatching anything.
 */
public final class ContentRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_URL = 2_048;
    public static final int MAX_ITEM = 140;
    public static final int MAX_STAGES = 200;
    public static final String COLOR_CODE_REGEX = "^#[0-9A-Fa-f]{6}$";

    private static final Pattern COLOR_CODE = Pattern.compile(COLOR_CODE_REGEX);
    private static final Map<ContentKind, Set<String>> KIND_SPECIFIC = new EnumMap<>(Map.of(
            ContentKind.SUBJECT, Set.of("color_code", "is_public", "required_item"),
            ContentKind.TRACK, Set.of("required_item", "is_sold_separately", "parent_item_required"),
            ContentKind.UNIT, Set.of("badge_image"),
            ContentKind.TOPIC, Set.of(),
            ContentKind.LESSON, Set.of("stages")));

    private ContentRules() {
    }

    /** Whether a kind-specific field (e.g. {@code required_item}) belongs to nodes of this kind. */
    public static boolean allows(ContentKind kind, String field) {
        return KIND_SPECIFIC.get(kind).contains(field);
    }

    public static List<FieldProblem> checkId(ContentKind kind, String id) {
        if (Identifiers.isValidNodeId(id)) {
            return List.of();
        }
        return List.of(new FieldProblem("id", "A " + kind.singular() + " id must be 1-64 letters, digits, '_' or "
                                              + "'-', starting with a letter or digit; got '" + id + "'"));
    }

    /** Kind-specific fields sent for a kind they do not belong to, e.g. {@code required_item} on a unit. */
    public static List<FieldProblem> checkPatchFitsKind(ContentKind kind, ContentPatch patch) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : patch.kindSpecificFieldsSet()) {
            if (!allows(kind, field)) {
                problems.add(new FieldProblem(field, field + " does not apply to a " + kind.singular() + "; "
                                                     + whereItApplies(field)));
            }
        }
        return problems;
    }

    /** Every rule the node's resulting fields break. */
    public static List<FieldProblem> checkFields(ContentKind kind, ContentFields fields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (fields.title() == null || fields.title().isBlank()) {
            problems.add(new FieldProblem("title", "A " + kind.singular() + " needs a title"));
        } else if (fields.title().length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "A title has at most " + MAX_TITLE + " characters"));
        }
        maxLength(problems, "description", fields.description(), MAX_DESCRIPTION);
        maxLength(problems, "image", fields.image(), MAX_URL);
        maxLength(problems, "badge_image", fields.badgeImage(), MAX_URL);
        if (fields.colorCode() != null && !COLOR_CODE.matcher(fields.colorCode()).matches()) {
            problems.add(new FieldProblem("color_code", "color_code must look like #RRGGBB (six hex digits), got '"
                                                        + fields.colorCode() + "'"));
        }
        maxLength(problems, "required_item", fields.requiredItem(), MAX_ITEM);
        if (fields.soldSeparately() && !fields.hasOwnItem()) {
            problems.add(new FieldProblem("is_sold_separately",
                    "A track sold separately needs its own required_item (the item a buyer gets)"));
        }
        if (kind == ContentKind.LESSON) {
            checkStages(problems, fields.stages());
        }
        return problems;
    }

    private static void checkStages(List<FieldProblem> problems, List<LessonStage> stages) {
        if (stages.size() > MAX_STAGES) {
            problems.add(new FieldProblem("stages", "A lesson has at most " + MAX_STAGES + " stages"));
            return;
        }
        for (int i = 0; i < stages.size(); i++) {
            LessonStage stage = stages.get(i);
            String at = "stages[" + i + "]";
            if (stage == null) {
                problems.add(new FieldProblem(at, "A stage must be an object with title, type and config"));
                continue;
            }
            if (stage.title() == null || stage.title().isBlank()) {
                problems.add(new FieldProblem(at + ".title", "Every stage needs a title"));
            } else if (stage.title().length() > MAX_TITLE) {
                problems.add(new FieldProblem(at + ".title", "A stage title has at most " + MAX_TITLE + " characters"));
            }
            if (!LessonStage.TYPES.contains(stage.type())) {
                problems.add(new FieldProblem(at + ".type", "A stage type is one of " + LessonStage.TYPES + ", got '"
                                                            + stage.type() + "'"));
            } else if (LessonStage.VIDEO.equals(stage.type())
                       && !(stage.config().get("video_url") instanceof String url && !url.isBlank())) {
                problems.add(new FieldProblem(at + ".config.video_url", "A Video stage needs config.video_url"));
            }
        }
    }

    private static void maxLength(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, field + " has at most " + max + " characters"));
        }
    }

    private static String whereItApplies(String field) {
        List<String> kinds = KIND_SPECIFIC.entrySet().stream()
                                          .filter(entry -> entry.getValue().contains(field))
                                          .map(entry -> entry.getKey().collection())
                                          .toList();
        return "it belongs to " + String.join(" and ", kinds);
    }
}

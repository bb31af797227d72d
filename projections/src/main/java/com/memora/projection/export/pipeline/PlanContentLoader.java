package com.memora.projection.export.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memora.kernel.access.NodeKind;
import com.memora.kernel.access.OverrideAction;
import com.memora.kernel.access.PlanOverride;
import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.LessonStage;
import com.memora.projection.content.ContentNodeView;
import com.memora.projection.content.ContentViewStore;
import com.memora.projection.export.content.ExportPlan;
import com.memora.projection.export.content.LessonContent;
import com.memora.projection.export.content.NodeDetails;
import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.content.PlanSubject;
import com.memora.projection.export.content.StageContent;
import com.memora.projection.export.content.StageType;
import com.memora.projection.export.content.SubjectContent;
import com.memora.projection.export.content.TopicContent;
import com.memora.projection.export.content.TrackContent;
import com.memora.projection.export.content.UnitContent;
import com.memora.projection.plan.PlanView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one plan's content from the read model into the export's input (decisions D6/R1: the caller reads inside
 * a snapshot): the plan, each listed subject with its whole tree in one query (trashed and unpublished nodes
 * included — the access rules decide what is exported), and the overrides in the order they were added (the last
 * Rename of a node wins).
 */
@Component
public class PlanContentLoader {

    /** Stage configs as stored, independent of the web's JSON naming. */
    private static final ObjectMapper CONFIG_JSON = new ObjectMapper();

    private final ContentViewStore content;

    public PlanContentLoader(ContentViewStore content) {
        this.content = content;
    }

    /** The read model's plan subject (a subject id) and the export's (a subject with its tree) share a name. */
    public PlanContent load(PlanView plan) {
        List<String> subjectIds = plan.subjects().stream().map(com.memora.kernel.plan.PlanSubject::subjectId).toList();
        Tree tree = new Tree(content.subtreesOf(subjectIds));
        List<PlanSubject> subjects = new ArrayList<>();
        for (com.memora.kernel.plan.PlanSubject listed : plan.subjects()) {
            ContentNodeView subject = tree.node(ContentKind.SUBJECT, listed.subjectId());
            if (subject != null) { // a listed subject cannot be deleted for good; this only guards a torn model
                subjects.add(new PlanSubject(subject(subject, tree), listed.sortOrder()));
            }
        }
        ExportPlan exportPlan = new ExportPlan(plan.id(), plan.details().title(), plan.details().seasonId(),
                                               plan.details().stream(), plan.details().grade());
        return new PlanContent(exportPlan, subjects, plan.overrides().stream().map(PlanContentLoader::override)
                                                         .toList());
    }

    private static SubjectContent subject(ContentNodeView node, Tree tree) {
        ContentFields fields = node.fields();
        return new SubjectContent(details(node), fields.colorCode(), fields.isPublic(), fields.requiredItem(),
                                  tree.children(node).stream().map(track -> track(track, tree)).toList());
    }

    private static TrackContent track(ContentNodeView node, Tree tree) {
        ContentFields fields = node.fields();
        return new TrackContent(details(node), fields.requiredItem(), fields.soldSeparately(),
                                fields.parentItemRequired(),
                                tree.children(node).stream().map(unit -> unit(unit, tree)).toList());
    }

    private static UnitContent unit(ContentNodeView node, Tree tree) {
        return new UnitContent(details(node), node.fields().badgeImage(),
                               tree.children(node).stream().map(topic -> topic(topic, tree)).toList());
    }

    private static TopicContent topic(ContentNodeView node, Tree tree) {
        return new TopicContent(details(node), tree.children(node).stream().map(PlanContentLoader::lesson).toList());
    }

    private static LessonContent lesson(ContentNodeView node) {
        return new LessonContent(details(node), node.fields().stages().stream().map(PlanContentLoader::stage)
                                                    .toList());
    }

    private static NodeDetails details(ContentNodeView node) {
        ContentFields fields = node.fields();
        return new NodeDetails(node.id(), fields.title(), fields.description(), fields.image(), fields.sortOrder(),
                               node.published(), fields.freePreview(), node.trashed());
    }

    private static StageContent stage(LessonStage stage) {
        JsonNode config = stage.config().isEmpty() ? null : CONFIG_JSON.valueToTree(stage.config());
        return new StageContent(stage.title(), stageType(stage.type()), config);
    }

    /** A type outside the four is content that cannot be exported: a permanent failure of the plan's build. */
    private static StageType stageType(String type) {
        return Arrays.stream(StageType.values()).filter(candidate -> candidate.wireName().equals(type)).findFirst()
                     .orElseThrow(() -> new IllegalArgumentException("Unknown lesson stage type '" + type + "'"));
    }

    private static PlanOverride override(com.memora.kernel.plan.PlanOverride override) {
        return new PlanOverride(NodeKind.valueOf(override.targetType().name()), override.targetId(),
                                OverrideAction.valueOf(override.action().name()), override.value());
    }

    /** The rows of one query, indexed by node and by parent; rows come in sibling order. */
    private static final class Tree {

        private final Map<String, ContentNodeView> nodes = new HashMap<>();
        private final Map<String, List<ContentNodeView>> children = new HashMap<>();

        Tree(List<ContentNodeView> rows) {
            for (ContentNodeView row : rows) {
                nodes.put(key(row.kind(), row.id()), row);
                if (row.parentId() != null) {
                    children.computeIfAbsent(key(row.kind().parent(), row.parentId()), k -> new ArrayList<>())
                            .add(row);
                }
            }
        }

        ContentNodeView node(ContentKind kind, String id) {
            return nodes.get(key(kind, id));
        }

        List<ContentNodeView> children(ContentNodeView parent) {
            return children.getOrDefault(key(parent.kind(), parent.id()), List.of());
        }

        private static String key(ContentKind kind, String id) {
            return kind.singular() + ":" + id;
        }
    }
}

package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.projection.export.content.ExportPlan;

import java.util.List;

/** The plan manifest ({@code plans/{plan}/manifest.json}): the plan and its visible subjects, in plan order. */
final class ManifestFile {

    private ManifestFile() {
    }

    static GeneratedFile of(ExportPlan plan, List<VisibleTree.Subject> subjects, Stamp stamp) {
        ObjectNode json = ExportJson.object();
        json.put("plan_id", plan.id());
        json.put("title", plan.title());
        JsonBlocks.putIfPresent(json, "season", plan.season());
        JsonBlocks.putIfPresent(json, "grade", plan.grade());
        JsonBlocks.putIfPresent(json, "stream", plan.stream());
        stamp.putInto(json);
        json.put("search_index_url", ExportPaths.searchIndex(plan.id()));
        ArrayNode entries = json.putArray("subjects");
        for (VisibleTree.Subject subject : subjects) {
            ObjectNode entry = JsonBlocks.header(subject.content().details(), subject.node().title());
            JsonBlocks.putIfPresent(entry, "color_code", subject.content().colorCode());
            entry.put("sort_order", subject.planSortOrder());
            entry.put("url", ExportPaths.subject(plan.id(), subject.content().id()));
            entry.set("access", JsonBlocks.access(subject.node().access()));
            entries.add(entry);
        }
        return GeneratedFile.of(FileKind.MANIFEST, ExportPaths.manifest(plan.id()), json);
    }
}

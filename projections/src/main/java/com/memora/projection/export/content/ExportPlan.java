package com.memora.projection.export.content;

import java.util.Objects;

/**
 * The plan's own fields that reach the manifest.
 *
 * @param season the season id ({@code SEASON-YYYY[-SUFFIX]}), optional in the manifest
 * @param stream the stream code, optional
 * @param grade  the grade code, optional
 */
public record ExportPlan(String id, String title, String season, String stream, String grade) {

    public ExportPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        season = NodeDetails.blankToNull(season);
        stream = NodeDetails.blankToNull(stream);
        grade = NodeDetails.blankToNull(grade);
    }
}

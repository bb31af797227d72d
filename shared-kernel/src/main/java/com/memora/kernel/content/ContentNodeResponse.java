package com.memora.kernel.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A node as the API shows it. Fields that do not belong to the node's kind are {@code null} (and left out of the
 * JSON); the parent appears under its API name ({@code parent_topic} for a lesson).
 *
 * @param children        ids of the children outside the trash, in sibling order; {@code null} in lists and for lessons
 * @param trashedChildren ids of the children in the trash
 */
public record ContentNodeResponse(String id,
                                  String kind,
                                  String title,
                                  String description,
                                  String image,
                                  Boolean isPublished,
                                  Boolean isFreePreview,
                                  Integer sortOrder,
                                  String colorCode,
                                  Boolean isPublic,
                                  String requiredItem,
                                  Boolean isSoldSeparately,
                                  Boolean parentItemRequired,
                                  String badgeImage,
                                  String parentSubject,
                                  String parentTrack,
                                  String parentUnit,
                                  String parentTopic,
                                  List<Stage> stages,
                                  boolean isTrashed,
                                  List<String> children,
                                  List<String> trashedChildren,
                                  Instant createdAt,
                                  Instant updatedAt) {

    /** A lesson stage with its 1-based position. */
    public record Stage(int idx, String title, String type, Map<String, Object> config) {
    }
}

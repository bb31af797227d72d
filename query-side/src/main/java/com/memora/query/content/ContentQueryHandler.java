package com.memora.query.content;

import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentNodeResponse;
import com.memora.kernel.content.ContentNodesResponse;
import com.memora.kernel.content.FetchContentNodeQuery;
import com.memora.kernel.content.FetchContentNodesQuery;
import com.memora.kernel.content.LessonStage;
import com.memora.projection.content.ContentNodeView;
import com.memora.projection.content.ContentViewStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
class ContentQueryHandler {

    private final ContentViewStore store;

    ContentQueryHandler(ContentViewStore store) {
        this.store = store;
    }

    @QueryHandler
    Optional<ContentNodeResponse> handle(FetchContentNodeQuery query) {
        return store.find(query.kind(), query.id()).map(node -> {
            if (node.kind() == ContentKind.LESSON) {
                return toResponse(node, null, null);
            }
            List<String> children = new ArrayList<>();
            List<String> trashedChildren = new ArrayList<>();
            for (ContentNodeView child : store.children(node.kind(), node.id())) {
                (child.trashed() ? trashedChildren : children).add(child.id());
            }
            return toResponse(node, children, trashedChildren);
        });
    }

    @QueryHandler
    ContentNodesResponse handle(FetchContentNodesQuery query) {
        List<ContentNodeResponse> items = store.list(query.kind(), query.parentId(), query.trashed(), query.limit(),
                                                     query.offset())
                                               .stream().map(node -> toResponse(node, null, null)).toList();
        return new ContentNodesResponse(items, store.count(query.kind(), query.parentId(), query.trashed()));
    }

    /** Only the fields of the node's kind are set; the others stay {@code null} and out of the JSON. */
    static ContentNodeResponse toResponse(ContentNodeView node, List<String> children, List<String> trashedChildren) {
        ContentKind kind = node.kind();
        ContentFields fields = node.fields();
        boolean subject = kind == ContentKind.SUBJECT;
        boolean track = kind == ContentKind.TRACK;
        List<ContentNodeResponse.Stage> stages = null;
        if (kind == ContentKind.LESSON) {
            stages = new ArrayList<>();
            for (int i = 0; i < fields.stages().size(); i++) {
                LessonStage stage = fields.stages().get(i);
                stages.add(new ContentNodeResponse.Stage(i + 1, stage.title(), stage.type(), stage.config()));
            }
        }
        return new ContentNodeResponse(
                node.id(), kind.singular(), fields.title(), fields.description(), fields.image(), node.published(),
                fields.freePreview(), fields.sortOrder(),
                subject ? fields.colorCode() : null,
                subject ? fields.isPublic() : null,
                subject || track ? fields.requiredItem() : null,
                track ? fields.soldSeparately() : null,
                track ? fields.parentItemRequired() : null,
                kind == ContentKind.UNIT ? fields.badgeImage() : null,
                kind == ContentKind.TRACK ? node.parentId() : null,
                kind == ContentKind.UNIT ? node.parentId() : null,
                kind == ContentKind.TOPIC ? node.parentId() : null,
                kind == ContentKind.LESSON ? node.parentId() : null,
                stages, node.trashed(), children, trashedChildren, node.createdAt(), node.updatedAt());
    }
}

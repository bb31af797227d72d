package com.memora.projection.export.content;

import java.util.Objects;

/**
 * The fields every content node has (domain §1, "content mixin").
 *
 * @param description optional, may be null
 * @param image       optional, may be null
 * @param sortOrder   display order among siblings; ties are broken by id (decisions D7)
 */
public record NodeDetails(String id,
                          String title,
                          String description,
                          String image,
                          int sortOrder,
                          boolean published,
                          boolean freePreview,
                          boolean trashed) {

    public NodeDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = blankToNull(description);
        image = blankToNull(image);
    }

    /** A published, untrashed node without description, image or free preview. */
    public static NodeDetails published(String id, String title, int sortOrder) {
        return new NodeDetails(id, title, null, null, sortOrder, true, false, false);
    }

    public NodeDetails withDescription(String value) {
        return new NodeDetails(id, title, value, image, sortOrder, published, freePreview, trashed);
    }

    public NodeDetails withImage(String value) {
        return new NodeDetails(id, title, description, value, sortOrder, published, freePreview, trashed);
    }

    public NodeDetails withPublished(boolean value) {
        return new NodeDetails(id, title, description, image, sortOrder, value, freePreview, trashed);
    }

    public NodeDetails withFreePreview(boolean value) {
        return new NodeDetails(id, title, description, image, sortOrder, published, value, trashed);
    }

    public NodeDetails withTrashed(boolean value) {
        return new NodeDetails(id, title, description, image, sortOrder, published, freePreview, value);
    }

    public NodeDetails withTitle(String value) {
        return new NodeDetails(id, value, description, image, sortOrder, published, freePreview, trashed);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package com.memora.kernel.content;

/** A content node named by its kind and business id, e.g. an ancestor in a content event. */
public record ContentRef(ContentKind kind, String id) {

    @Override
    public String toString() {
        return kind.singular() + " '" + id + "'";
    }
}

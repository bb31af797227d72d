package com.memora.kernel.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of a plan's content tree as the access rules see it: only the fields that decide visibility, title
 * and access (domain §1, §5.4). The tree is subject → track → unit → topic → lesson; each node lists its children
 * whatever their state (the rules decide what is excluded).
 *
 * @param requiredItem       the item code that unlocks the node; subjects and tracks only (blank means none)
 * @param isPublic           subjects only: open to anonymous users
 * @param soldSeparately     tracks only: a DLC that can be bought on its own
 * @param parentItemRequired tracks only: buying the parent subject also unlocks the track
 */
public record AccessNode(NodeRef ref,
                         String title,
                         boolean published,
                         boolean trashed,
                         boolean freePreview,
                         String requiredItem,
                         boolean isPublic,
                         boolean soldSeparately,
                         boolean parentItemRequired,
                         List<AccessNode> children) {

    public AccessNode {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        requiredItem = requiredItem == null || requiredItem.isBlank() ? null : requiredItem.strip();
        children = children == null ? List.of() : List.copyOf(children);
        NodeKind kind = ref.kind();
        if (requiredItem != null && !kind.canCarryItem()) {
            throw new IllegalArgumentException(ref + " cannot carry a required item; only subjects and tracks can");
        }
        if (isPublic && kind != NodeKind.SUBJECT) {
            throw new IllegalArgumentException(ref + " cannot be public; only subjects carry is_public");
        }
        if ((soldSeparately || parentItemRequired) && kind != NodeKind.TRACK) {
            throw new IllegalArgumentException(ref + " cannot carry is_sold_separately or parent_item_required;"
                                               + " only tracks do");
        }
        for (AccessNode child : children) {
            if (kind.childKind().orElse(null) != child.ref().kind()) {
                throw new IllegalArgumentException(child.ref() + " cannot be a child of " + ref);
            }
        }
    }

    /** A published, untrashed node without flags or children. */
    public static AccessNode of(NodeKind kind, String id, String title) {
        return new AccessNode(NodeRef.of(kind, id), title, true, false, false, null, false, false, false, List.of());
    }

    public NodeKind kind() {
        return ref.kind();
    }

    public String id() {
        return ref.id();
    }

    public AccessNode withChildren(List<AccessNode> newChildren) {
        return new AccessNode(ref, title, published, trashed, freePreview, requiredItem, isPublic, soldSeparately,
                              parentItemRequired, newChildren);
    }

    public AccessNode withChild(AccessNode child) {
        List<AccessNode> more = new ArrayList<>(children);
        more.add(child);
        return withChildren(more);
    }

    public AccessNode withPublished(boolean value) {
        return new AccessNode(ref, title, value, trashed, freePreview, requiredItem, isPublic, soldSeparately,
                              parentItemRequired, children);
    }

    public AccessNode withTrashed(boolean value) {
        return new AccessNode(ref, title, published, value, freePreview, requiredItem, isPublic, soldSeparately,
                              parentItemRequired, children);
    }

    public AccessNode withFreePreview(boolean value) {
        return new AccessNode(ref, title, published, trashed, value, requiredItem, isPublic, soldSeparately,
                              parentItemRequired, children);
    }

    public AccessNode withRequiredItem(String item) {
        return new AccessNode(ref, title, published, trashed, freePreview, item, isPublic, soldSeparately,
                              parentItemRequired, children);
    }

    public AccessNode withPublic(boolean value) {
        return new AccessNode(ref, title, published, trashed, freePreview, requiredItem, value, soldSeparately,
                              parentItemRequired, children);
    }

    /** Tracks only: how the track is sold. */
    public AccessNode withSale(boolean isSoldSeparately, boolean isParentItemRequired) {
        return new AccessNode(ref, title, published, trashed, freePreview, requiredItem, isPublic, isSoldSeparately,
                              isParentItemRequired, children);
    }
}

package com.memora.kernel.access;

import java.util.Objects;

/**
 * The {@code access} object of a node in the generated files (domain §4, decisions D5). Exported nodes are
 * always published, so {@code is_published} is not a field here: the renderer writes {@code true}.
 *
 * @param requiredItem       present exactly when the level is {@link AccessLevel#PAID}: the node's own item or
 *                           the one it inherited
 * @param soldSeparately     tracks only (null on every other kind)
 * @param parentItemRequired tracks only (null on every other kind)
 */
public record AccessBlock(AccessLevel level, String requiredItem, Boolean soldSeparately,
                          Boolean parentItemRequired) {

    public AccessBlock {
        Objects.requireNonNull(level, "level");
        if ((level == AccessLevel.PAID) != (requiredItem != null)) {
            throw new IllegalArgumentException("required_item is present exactly when the level is paid (D5);"
                                               + " got level " + level + " with item " + requiredItem);
        }
        if ((soldSeparately == null) != (parentItemRequired == null)) {
            throw new IllegalArgumentException("a track carries both sale flags, any other node neither");
        }
    }

    public static AccessBlock of(AccessLevel level) {
        return new AccessBlock(level, null, null, null);
    }

    public static AccessBlock paid(String item) {
        return new AccessBlock(AccessLevel.PAID, item, null, null);
    }

    public AccessBlock withSale(boolean isSoldSeparately, boolean isParentItemRequired) {
        return new AccessBlock(level, requiredItem, isSoldSeparately, isParentItemRequired);
    }

    public boolean isTrackBlock() {
        return soldSeparately != null;
    }
}

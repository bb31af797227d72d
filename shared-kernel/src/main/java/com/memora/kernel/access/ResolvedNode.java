package com.memora.kernel.access;

import java.util.Objects;

/** A node that is visible in the plan, with its title after any Rename and its access block. */
public record ResolvedNode(NodeRef ref, String title, AccessBlock access) {

    public ResolvedNode {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(access, "access");
    }
}

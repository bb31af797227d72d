package com.memora.kernel.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the access rules decided for one plan: every visible node with its effective title and access block, every
 * excluded node with the reason, and the overrides or flags that had to be ignored.
 */
public final class PlanAccess {

    private final Map<NodeRef, ResolvedNode> visible;
    private final Map<NodeRef, Exclusion> excluded;
    private final List<AccessWarning> warnings;

    PlanAccess(LinkedHashMap<NodeRef, ResolvedNode> visible, LinkedHashMap<NodeRef, Exclusion> excluded,
               List<AccessWarning> warnings) {
        this.visible = Collections.unmodifiableMap(visible);
        this.excluded = Collections.unmodifiableMap(excluded);
        this.warnings = List.copyOf(warnings);
    }

    /** The visible node, or empty when it is excluded or not in the plan at all. */
    public Optional<ResolvedNode> find(NodeRef ref) {
        return Optional.ofNullable(visible.get(ref));
    }

    public Optional<ResolvedNode> find(NodeKind kind, String id) {
        return find(NodeRef.of(kind, id));
    }

    public boolean isVisible(NodeRef ref) {
        return visible.containsKey(ref);
    }

    /** The visible node; a caller that asks for a node it knows to be visible. */
    public ResolvedNode get(NodeRef ref) {
        ResolvedNode node = visible.get(ref);
        if (node == null) {
            throw new IllegalArgumentException(ref + " is not visible in this plan"
                                               + exclusion(ref).map(e -> " (" + e.reason() + ")").orElse(""));
        }
        return node;
    }

    public Optional<Exclusion> exclusion(NodeRef ref) {
        return Optional.ofNullable(excluded.get(ref));
    }

    /** Visible nodes in tree order (depth first, children in the order given). */
    public Map<NodeRef, ResolvedNode> visibleNodes() {
        return visible;
    }

    /** Excluded nodes in tree order, each whole sub-tree included. */
    public Map<NodeRef, Exclusion> excludedNodes() {
        return excluded;
    }

    public List<AccessWarning> warnings() {
        return warnings;
    }
}

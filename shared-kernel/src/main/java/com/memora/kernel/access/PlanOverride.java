package com.memora.kernel.access;

import java.util.Objects;

/**
 * One per-plan rule for one content node, keyed by (target type, target id) (decisions D4).
 *
 * @param value the new title for {@link OverrideAction#RENAME}; unused by the other actions (may be null)
 */
public record PlanOverride(NodeKind targetType, String targetId, OverrideAction action, String value) {

    public PlanOverride {
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(action, "action");
    }

    public static PlanOverride hide(NodeKind type, String id) {
        return new PlanOverride(type, id, OverrideAction.HIDE, null);
    }

    public static PlanOverride rename(NodeKind type, String id, String newTitle) {
        return new PlanOverride(type, id, OverrideAction.RENAME, newTitle);
    }

    public static PlanOverride setFree(NodeKind type, String id) {
        return new PlanOverride(type, id, OverrideAction.SET_FREE, null);
    }

    public static PlanOverride setSoldSeparately(String trackId) {
        return new PlanOverride(NodeKind.TRACK, trackId, OverrideAction.SET_SOLD_SEPARATELY, null);
    }

    public NodeRef target() {
        return new NodeRef(targetType, targetId);
    }

    @Override
    public String toString() {
        return action.label() + " " + target() + (value == null ? "" : " = '" + value + "'");
    }
}

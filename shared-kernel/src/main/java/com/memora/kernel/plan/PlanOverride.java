package com.memora.kernel.plan;

import com.memora.kernel.content.ContentKind;

import java.util.Objects;

/**
 * A per-plan rule for one content node, keyed by target type and id (decisions D4).
 *
 * @param value the new title for {@link OverrideAction#RENAME}; {@code null} for the other actions
 */
public record PlanOverride(String id, ContentKind targetType, String targetId, OverrideAction action, String value) {

    /** Same target, action and value: two such overrides in one plan would be one rule stated twice. */
    public boolean sameRuleAs(PlanOverride other) {
        return targetType == other.targetType && targetId.equals(other.targetId) && action == other.action
               && Objects.equals(value, other.value);
    }
}

package com.memora.kernel.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access rules of a plan (decisions D1–D5, domain §5.4): which nodes a plan exports, under which title, and
 * who may open them. Pure and stateless: the same tree and overrides always give the same answer.
 * <p>
 * Walking top-down, for each node:
 * <ol>
 *   <li>Trashed, unpublished or hidden by a Hide override of this plan: the node and its whole sub-tree are
 *       excluded (D3, D4).</li>
 *   <li>Base state: its own {@code is_free_preview} gives {@code free_preview}; else its own required item gives
 *       {@code paid} with that item — beating an inherited free preview or public level, so a sold-separately
 *       track stays a paid island (D2); else a public subject is {@code public}; else the parent's state is
 *       inherited, free preview included (D1); a subject without flags is {@code authenticated}.</li>
 *   <li>Set Free replaces that state with {@code free_preview}, which its descendants inherit (D1, D4).</li>
 *   <li>Rename replaces the title (D4); when a node has several, the last one given wins.</li>
 *   <li>{@code required_item} is kept only on paid nodes, and a paid descendant carries the item it inherited
 *       (D5). Tracks carry the two sale flags, no other node does (D5).</li>
 * </ol>
 * Sale flags of a track describe how a <em>paid</em> track is bought. {@code is_sold_separately} is true when the
 * track is sold on its own (its own flag, or Set Sold Separately in this plan) and has its own item to sell.
 * {@code parent_item_required} is true when buying the subject unlocks the track: always for a track that
 * inherits the subject's item, as flagged for a track with its own item, and false under Set Sold Separately (D4).
 * A track that is not paid in this plan needs no purchase, so both flags are false.
 * <p>
 * Overrides are matched on (target type, target id) (D4). An override that cannot apply — Set Sold Separately on
 * anything but a track with its own item, a Rename without a title, a target that is not in the plan — is
 * ignored and reported as an {@link AccessWarning}.
 */
public final class PlanAccessRules {

    private PlanAccessRules() {
    }

    /**
     * @param subjects  the plan's subjects, each with its whole tree (excluded nodes included)
     * @param overrides the plan's overrides, in the order they were made
     * @throws IllegalArgumentException when a node appears twice in the tree, or a root is not a subject
     */
    public static PlanAccess resolve(List<AccessNode> subjects, Collection<PlanOverride> overrides) {
        return new Walk(overrides).run(subjects);
    }

    /** A node's inherited state: the level and, when paid, the item that unlocks it. */
    private record State(AccessLevel level, String item) {

        static final State AUTHENTICATED = new State(AccessLevel.AUTHENTICATED, null);
        static final State PUBLIC = new State(AccessLevel.PUBLIC, null);
        static final State FREE_PREVIEW = new State(AccessLevel.FREE_PREVIEW, null);

        static State paid(String item) {
            return new State(AccessLevel.PAID, item);
        }
    }

    /** The overrides of one node, already reduced to what they mean. */
    private record NodeOverrides(boolean hide, boolean setFree, boolean soldSeparately, String rename,
                                 boolean blankRename) {

        static NodeOverrides of(List<PlanOverride> overrides) {
            boolean hide = false;
            boolean setFree = false;
            boolean soldSeparately = false;
            String rename = null;
            boolean blankRename = false;
            for (PlanOverride override : overrides) {
                switch (override.action()) {
                    case HIDE -> hide = true;
                    case SET_FREE -> setFree = true;
                    case SET_SOLD_SEPARATELY -> soldSeparately = true;
                    case RENAME -> {
                        if (override.value() == null || override.value().isBlank()) {
                            blankRename = true;
                        } else {
                            rename = override.value().strip();
                        }
                    }
                }
            }
            return new NodeOverrides(hide, setFree, soldSeparately, rename, blankRename);
        }
    }

    private static final class Walk {

        private final Map<NodeRef, List<PlanOverride>> overridesByTarget = new LinkedHashMap<>();
        private final LinkedHashMap<NodeRef, ResolvedNode> visible = new LinkedHashMap<>();
        private final LinkedHashMap<NodeRef, Exclusion> excluded = new LinkedHashMap<>();
        private final List<AccessWarning> warnings = new ArrayList<>();
        private final Set<NodeRef> seen = new HashSet<>();

        Walk(Collection<PlanOverride> overrides) {
            for (PlanOverride override : overrides) {
                overridesByTarget.computeIfAbsent(override.target(), target -> new ArrayList<>()).add(override);
            }
        }

        PlanAccess run(List<AccessNode> subjects) {
            for (AccessNode subject : subjects) {
                if (subject.kind() != NodeKind.SUBJECT) {
                    throw new IllegalArgumentException("A plan's tree starts at subjects, not at " + subject.ref());
                }
                visit(subject, null, null);
            }
            overridesByTarget.forEach((target, overrides) -> {
                if (!seen.contains(target)) {
                    overrides.forEach(override -> warnings.add(new AccessWarning(
                            target, override + " is ignored: " + target + " is not in this plan")));
                }
            });
            return new PlanAccess(visible, excluded, warnings);
        }

        private void visit(AccessNode node, State parent, Exclusion excludedAbove) {
            NodeRef ref = node.ref();
            if (!seen.add(ref)) {
                throw new IllegalArgumentException(ref + " appears twice in the plan's content tree");
            }
            NodeOverrides overrides = NodeOverrides.of(overridesByTarget.getOrDefault(ref, List.of()));
            Exclusion exclusion = excludedAbove != null
                    ? new Exclusion(ref, excludedAbove.reason(), excludedAbove.cause())
                    : ownExclusion(node, overrides);
            if (exclusion != null) {
                excluded.put(ref, exclusion);
                node.children().forEach(child -> visit(child, null, exclusion));
                return;
            }
            State state = overrides.setFree() ? State.FREE_PREVIEW : baseState(node, parent);
            visible.put(ref, new ResolvedNode(ref, title(node, overrides), access(node, state, overrides)));
            node.children().forEach(child -> visit(child, state, null));
        }

        private static Exclusion ownExclusion(AccessNode node, NodeOverrides overrides) {
            ExclusionReason reason = node.trashed() ? ExclusionReason.TRASHED
                    : !node.published() ? ExclusionReason.UNPUBLISHED
                    : overrides.hide() ? ExclusionReason.HIDDEN
                    : null;
            return reason == null ? null : new Exclusion(node.ref(), reason, node.ref());
        }

        private static State baseState(AccessNode node, State parent) {
            if (node.freePreview()) {
                return State.FREE_PREVIEW;
            }
            if (node.requiredItem() != null) {
                return State.paid(node.requiredItem());
            }
            if (node.isPublic()) {
                return State.PUBLIC;
            }
            return parent != null ? parent : State.AUTHENTICATED;
        }

        private String title(AccessNode node, NodeOverrides overrides) {
            if (overrides.blankRename()) {
                warnings.add(new AccessWarning(node.ref(), "Rename without a new title is ignored"));
            }
            return overrides.rename() != null ? overrides.rename() : node.title();
        }

        private AccessBlock access(AccessNode node, State state, NodeOverrides overrides) {
            AccessBlock block = state.level() == AccessLevel.PAID ? AccessBlock.paid(state.item())
                                                                   : AccessBlock.of(state.level());
            if (overrides.soldSeparately() && node.kind() != NodeKind.TRACK) {
                warnings.add(new AccessWarning(node.ref(), "Set Sold Separately applies to tracks only;"
                                                           + " ignored on " + node.ref()));
            }
            if (node.kind() != NodeKind.TRACK) {
                return block;
            }
            boolean ownItem = node.requiredItem() != null;
            boolean overrideSale = overrides.soldSeparately() && ownItem;
            if (overrides.soldSeparately() && !ownItem) {
                warnings.add(new AccessWarning(node.ref(), "Set Sold Separately is ignored: the track has no"
                                                           + " required item of its own to sell"));
            }
            if (node.soldSeparately() && !ownItem) {
                warnings.add(new AccessWarning(node.ref(), "is_sold_separately is ignored: the track has no"
                                                           + " required item of its own to sell"));
            }
            if (state.level() != AccessLevel.PAID) {
                return block.withSale(false, false);
            }
            boolean soldSeparately = ownItem && (node.soldSeparately() || overrideSale);
            boolean parentItemRequired = overrideSale ? false : !ownItem || node.parentItemRequired();
            return block.withSale(soldSeparately, parentItemRequired);
        }
    }
}

package com.memora.kernel.access;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.memora.kernel.access.NodeKind.LESSON;
import static com.memora.kernel.access.NodeKind.SUBJECT;
import static com.memora.kernel.access.NodeKind.TOPIC;
import static com.memora.kernel.access.NodeKind.TRACK;
import static com.memora.kernel.access.NodeKind.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access rules against the worked example of domain §5.5 (reference column, as settled by decisions D1–D5),
 * plus the cases the table does not show.
 */
class PlanAccessRulesTest {

    // ---- the tree of domain §5.5 -------------------------------------------------------------------------------

    static AccessNode node(NodeKind kind, String id, AccessNode... children) {
        return AccessNode.of(kind, id, "Title of " + id).withChildren(List.of(children));
    }

    /** Unit → topic → lesson chains, which the example draws on one line. */
    static AccessNode unit(String unit, String topic, String... lessons) {
        AccessNode topicNode = node(TOPIC, topic);
        for (String lesson : lessons) {
            topicNode = topicNode.withChild(node(LESSON, lesson));
        }
        return node(UNIT, unit, topicNode);
    }

    static AccessNode math() {
        return node(SUBJECT, "MATH",
                    node(TRACK, "CORE",
                         unit("U1", "TP1", "L1").withFreePreview(true),
                         unit("U2", "TP2", "L2", "L5"),
                         unit("U3", "TP3", "L3")),
                    node(TRACK, "EXAM", unit("U4", "TP4", "L4"))
                            .withRequiredItem("ITEM-EXAM").withSale(true, false))
                .withRequiredItem("ITEM-MATH");
    }

    static AccessNode art() {
        return node(SUBJECT, "ART", node(TRACK, "A1", unit("UA", "TA", "LA"))).withPublic(true);
    }

    static AccessNode bio() {
        return node(SUBJECT, "BIO", node(TRACK, "B1", unit("UB", "TB", "LB").withFreePreview(true)));
    }

    static final List<PlanOverride> P1_OVERRIDES = List.of(PlanOverride.hide(UNIT, "U3"),
                                                           PlanOverride.setFree(LESSON, "L5"));

    static PlanAccess planP1() {
        return PlanAccessRules.resolve(List.of(math(), art(), bio()), P1_OVERRIDES);
    }

    static PlanAccess planP2() {
        return PlanAccessRules.resolve(List.of(math()), List.of());
    }

    static NodeKind kindOf(String id) {
        return switch (id.charAt(0)) {
            case 'U' -> UNIT;
            case 'L' -> LESSON;
            default -> switch (id) {
                case "MATH", "ART", "BIO" -> SUBJECT;
                case "CORE", "EXAM", "A1", "B1" -> TRACK;
                case "TP1", "TP2", "TP3", "TP4", "TA", "TB" -> TOPIC;
                default -> throw new IllegalArgumentException(id);
            };
        };
    }

    static AccessBlock access(PlanAccess plan, String id) {
        return plan.get(NodeRef.of(kindOf(id), id)).access();
    }

    // ---- every row of the worked-example table (reference column) ---------------------------------------------

    @ParameterizedTest(name = "P1: {0} is {1} {2}")
    @CsvSource(nullValues = "-", value = {
            "MATH, paid,          ITEM-MATH",
            "CORE, paid,          ITEM-MATH",
            "U1,   free_preview,  -",
            "TP1,  free_preview,  -",
            "L1,   free_preview,  -",
            "U2,   paid,          ITEM-MATH",
            "TP2,  paid,          ITEM-MATH",
            "L2,   paid,          ITEM-MATH",
            "L5,   free_preview,  -",
            "EXAM, paid,          ITEM-EXAM",
            "U4,   paid,          ITEM-EXAM",
            "TP4,  paid,          ITEM-EXAM",
            "L4,   paid,          ITEM-EXAM",
            "ART,  public,        -",
            "A1,   public,        -",
            "UA,   public,        -",
            "TA,   public,        -",
            "LA,   public,        -",
            "BIO,  authenticated, -",
            "B1,   authenticated, -",
            "UB,   free_preview,  -",
            "TB,   free_preview,  -",
            "LB,   free_preview,  -"})
    void workedExampleRowsOfPlanP1(String id, String level, String item) {
        AccessBlock block = access(planP1(), id);

        assertThat(block.level().wireName()).isEqualTo(level);
        assertThat(block.requiredItem()).isEqualTo(item);
    }

    @ParameterizedTest(name = "P1: {0} is hidden with U3")
    @CsvSource({"U3", "TP3", "L3"})
    void hiddenUnitTakesItsWholeSubTreeOutOfPlanP1(String id) {
        NodeRef ref = NodeRef.of(kindOf(id), id);
        PlanAccess plan = planP1();

        assertThat(plan.isVisible(ref)).isFalse();
        assertThat(plan.exclusion(ref)).contains(new Exclusion(ref, ExclusionReason.HIDDEN, NodeRef.of(UNIT, "U3")));
    }

    @Test
    void soldSeparatelyTrackOfTheTableCarriesItsSaleFlags() {
        assertThat(access(planP1(), "EXAM"))
                .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-EXAM", true, false));
    }

    @Test
    void trackUnlockedBySubjectPurchaseSaysSo() {
        // seed US4-5: a track unlocked by the subject purchase shows is_sold_separately false,
        // parent_item_required true
        assertThat(access(planP1(), "CORE"))
                .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-MATH", false, true));
    }

    @ParameterizedTest(name = "P2: {0} is {1} {2}")
    @CsvSource(nullValues = "-", value = {
            "U3,  paid, ITEM-MATH",
            "TP3, paid, ITEM-MATH",
            "L3,  paid, ITEM-MATH",
            "L5,  paid, ITEM-MATH",
            "U1,  free_preview, -",
            "L1,  free_preview, -",
            "L4,  paid, ITEM-EXAM"})
    void planP2WithoutOverridesShowsTheSameContentUnchanged(String id, String level, String item) {
        AccessBlock block = access(planP2(), id);

        assertThat(block.level().wireName()).isEqualTo(level);
        assertThat(block.requiredItem()).isEqualTo(item);
    }

    @Test
    void overridesAreStrictlyPerPlan() {
        PlanAccess p1 = planP1();
        PlanAccess p2 = planP2();

        assertThat(p1.isVisible(NodeRef.of(UNIT, "U3"))).isFalse();
        assertThat(p2.isVisible(NodeRef.of(UNIT, "U3"))).isTrue();
        assertThat(access(p1, "L5").level()).isEqualTo(AccessLevel.FREE_PREVIEW);
        assertThat(access(p2, "L5").level()).isEqualTo(AccessLevel.PAID);
        assertThat(p1.warnings()).isEmpty();
        assertThat(p2.warnings()).isEmpty();
    }

    @Test
    void requiredItemOnlyOnPaidNodesAndSaleFlagsOnTracksOnly() {
        PlanAccess plan = planP1();

        plan.visibleNodes().values().forEach(node -> {
            AccessBlock block = node.access();
            assertThat(block.requiredItem() != null)
                    .as("required_item on %s", node.ref()).isEqualTo(block.level() == AccessLevel.PAID);
            assertThat(block.isTrackBlock()).as("sale flags on %s", node.ref())
                                            .isEqualTo(node.ref().kind() == TRACK);
        });
    }

    @Test
    void freeTracksNeedNoPurchaseSoBothSaleFlagsAreFalse() {
        PlanAccess plan = planP1();

        assertThat(access(plan, "A1")).isEqualTo(new AccessBlock(AccessLevel.PUBLIC, null, false, false));
        assertThat(access(plan, "B1")).isEqualTo(new AccessBlock(AccessLevel.AUTHENTICATED, null, false, false));
    }

    @Test
    void visibleNodesComeInTreeOrder() {
        assertThat(planP2().visibleNodes().keySet()).extracting(NodeRef::id).containsExactly(
                "MATH", "CORE", "U1", "TP1", "L1", "U2", "TP2", "L2", "L5", "U3", "TP3", "L3",
                "EXAM", "U4", "TP4", "L4");
    }

    // ---- D2: a track with its own item is a paid island ---------------------------------------------------------

    @Nested
    class PaidIsland {

        AccessNode island() {
            return node(TRACK, "DLC", unit("UD", "TD", "LD")).withRequiredItem("ITEM-DLC").withSale(true, false);
        }

        @Test
        void ownItemBeatsAnInheritedFreePreview() {
            AccessNode subject = node(SUBJECT, "S", node(TRACK, "OPEN", unit("UO", "TO", "LO")), island())
                    .withFreePreview(true);

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

            assertThat(plan.get(NodeRef.of(TRACK, "OPEN")).access().level()).isEqualTo(AccessLevel.FREE_PREVIEW);
            assertThat(plan.get(NodeRef.of(LESSON, "LO")).access().level()).isEqualTo(AccessLevel.FREE_PREVIEW);
            assertThat(plan.get(NodeRef.of(TRACK, "DLC")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-DLC", true, false));
            assertThat(plan.get(NodeRef.of(LESSON, "LD")).access()).isEqualTo(AccessBlock.paid("ITEM-DLC"));
        }

        @Test
        void ownItemBeatsAnInheritedPublicLevel() {
            AccessNode subject = node(SUBJECT, "S", island()).withPublic(true);

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

            assertThat(plan.get(NodeRef.of(SUBJECT, "S")).access().level()).isEqualTo(AccessLevel.PUBLIC);
            assertThat(plan.get(NodeRef.of(UNIT, "UD")).access()).isEqualTo(AccessBlock.paid("ITEM-DLC"));
        }

        @Test
        void ownItemBeatsSetFreeOnTheSubject() {
            AccessNode subject = node(SUBJECT, "S", island()).withRequiredItem("ITEM-S");

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of(PlanOverride.setFree(SUBJECT, "S")));

            assertThat(plan.get(NodeRef.of(SUBJECT, "S")).access()).isEqualTo(AccessBlock.of(AccessLevel.FREE_PREVIEW));
            assertThat(plan.get(NodeRef.of(TOPIC, "TD")).access()).isEqualTo(AccessBlock.paid("ITEM-DLC"));
        }

        @Test
        void freePreviewOnTheTrackItselfBeatsItsOwnItem() {
            AccessNode subject = node(SUBJECT, "S", island().withFreePreview(true)).withRequiredItem("ITEM-S");

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

            assertThat(plan.get(NodeRef.of(TRACK, "DLC")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.FREE_PREVIEW, null, false, false));
            assertThat(plan.get(NodeRef.of(LESSON, "LD")).access()).isEqualTo(AccessBlock.of(AccessLevel.FREE_PREVIEW));
        }

        @Test
        void setFreeOnTheIslandItselfOpensIt() {
            AccessNode subject = node(SUBJECT, "S", island()).withRequiredItem("ITEM-S");

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of(PlanOverride.setFree(TRACK, "DLC")));

            assertThat(plan.get(NodeRef.of(TRACK, "DLC")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.FREE_PREVIEW, null, false, false));
            assertThat(plan.get(NodeRef.of(LESSON, "LD")).access().level()).isEqualTo(AccessLevel.FREE_PREVIEW);
        }
    }

    // ---- D1: free preview and Set Free are inherited -----------------------------------------------------------

    @Test
    void setFreeIsInheritedByDescendants() {
        PlanAccess plan = PlanAccessRules.resolve(List.of(math()), List.of(PlanOverride.setFree(UNIT, "U2")));

        assertThat(access(plan, "U2")).isEqualTo(AccessBlock.of(AccessLevel.FREE_PREVIEW));
        assertThat(access(plan, "TP2")).isEqualTo(AccessBlock.of(AccessLevel.FREE_PREVIEW));
        assertThat(access(plan, "L2")).isEqualTo(AccessBlock.of(AccessLevel.FREE_PREVIEW));
        assertThat(access(plan, "U3")).isEqualTo(AccessBlock.paid("ITEM-MATH"));
    }

    // ---- D3: unpublished and trashed sub-trees -----------------------------------------------------------------

    @Test
    void unpublishedNodeRemovesItsPublishedDescendants() {
        AccessNode subject = node(SUBJECT, "S", node(TRACK, "T", unit("U", "TP", "L1", "L2").withPublished(false)));

        PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

        assertThat(plan.isVisible(NodeRef.of(TRACK, "T"))).isTrue();
        for (NodeRef gone : List.of(NodeRef.of(UNIT, "U"), NodeRef.of(TOPIC, "TP"), NodeRef.of(LESSON, "L1"),
                                    NodeRef.of(LESSON, "L2"))) {
            assertThat(plan.isVisible(gone)).as("%s", gone).isFalse();
            assertThat(plan.exclusion(gone)).get()
                    .isEqualTo(new Exclusion(gone, ExclusionReason.UNPUBLISHED, NodeRef.of(UNIT, "U")));
        }
    }

    @Test
    void trashedNodeIsExcludedEvenWhenPublished() {
        AccessNode topic = node(TOPIC, "TP", node(LESSON, "KEEP"), node(LESSON, "BIN").withTrashed(true));
        AccessNode subject = node(SUBJECT, "S", node(TRACK, "T", node(UNIT, "U", topic)));

        PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

        assertThat(plan.isVisible(NodeRef.of(LESSON, "KEEP"))).isTrue();
        assertThat(plan.exclusion(NodeRef.of(LESSON, "BIN")))
                .map(Exclusion::reason).contains(ExclusionReason.TRASHED);
    }

    @Test
    void trashedOrUnpublishedWinsOverHideAsTheReason() {
        AccessNode subject = node(SUBJECT, "S", node(TRACK, "T").withTrashed(true), node(TRACK, "D")
                .withPublished(false));

        PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of(PlanOverride.hide(TRACK, "T"),
                                                                            PlanOverride.hide(TRACK, "D")));

        assertThat(plan.exclusion(NodeRef.of(TRACK, "T"))).map(Exclusion::reason).contains(ExclusionReason.TRASHED);
        assertThat(plan.exclusion(NodeRef.of(TRACK, "D"))).map(Exclusion::reason)
                                                          .contains(ExclusionReason.UNPUBLISHED);
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void hiddenSubjectTakesEverythingBelowIt() {
        PlanAccess plan = PlanAccessRules.resolve(List.of(math(), art()), List.of(PlanOverride.hide(SUBJECT, "MATH")));

        assertThat(plan.visibleNodes().keySet()).extracting(NodeRef::id)
                                                .containsExactly("ART", "A1", "UA", "TA", "LA");
        assertThat(plan.excludedNodes()).hasSize(16)
                .allSatisfy((ref, exclusion) -> assertThat(exclusion.cause()).isEqualTo(NodeRef.of(SUBJECT, "MATH")));
    }

    // ---- D4: overrides keyed by (target type, target id) --------------------------------------------------------

    @Test
    void overrideOnTheSameIdOfAnotherKindDoesNotApply() {
        AccessNode subject = node(SUBJECT, "S", node(TRACK, "T", node(UNIT, "X", node(TOPIC, "X", node(LESSON, "X")))));

        PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of(PlanOverride.hide(TOPIC, "X")));

        assertThat(plan.isVisible(NodeRef.of(UNIT, "X"))).isTrue();
        assertThat(plan.isVisible(NodeRef.of(TOPIC, "X"))).isFalse();
        assertThat(plan.isVisible(NodeRef.of(LESSON, "X"))).isFalse();
    }

    @Test
    void overrideForANodeOutsideThePlanIsReportedNotApplied() {
        PlanAccess plan = PlanAccessRules.resolve(List.of(art()), List.of(PlanOverride.hide(UNIT, "U9"),
                                                                          PlanOverride.hide(LESSON, "UA")));

        assertThat(plan.isVisible(NodeRef.of(UNIT, "UA"))).isTrue();
        assertThat(plan.warnings()).extracting(AccessWarning::node)
                                   .containsExactly(NodeRef.of(UNIT, "U9"), NodeRef.of(LESSON, "UA"));
        assertThat(plan.warnings().get(0).message()).isEqualTo("Hide Unit U9 is ignored: Unit U9 is not in this plan");
    }

    // ---- Set Sold Separately ------------------------------------------------------------------------------------

    @Nested
    class SetSoldSeparately {

        AccessNode subjectWithBundledTrack() {
            return node(SUBJECT, "S", node(TRACK, "PACK", unit("UP", "TP", "LP"))
                                .withRequiredItem("ITEM-PACK").withSale(false, true))
                    .withRequiredItem("ITEM-S");
        }

        @Test
        void makesATrackWithItsOwnItemADlcInThisPlanOnly() {
            PlanAccess withOverride = PlanAccessRules.resolve(List.of(subjectWithBundledTrack()),
                                                              List.of(PlanOverride.setSoldSeparately("PACK")));
            PlanAccess without = PlanAccessRules.resolve(List.of(subjectWithBundledTrack()), List.of());

            assertThat(withOverride.get(NodeRef.of(TRACK, "PACK")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-PACK", true, false));
            assertThat(without.get(NodeRef.of(TRACK, "PACK")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-PACK", false, true));
            assertThat(withOverride.get(NodeRef.of(LESSON, "LP")).access()).isEqualTo(AccessBlock.paid("ITEM-PACK"));
            assertThat(withOverride.warnings()).isEmpty();
        }

        @Test
        void isIgnoredWithAWarningOnATrackWithoutItsOwnItem() {
            PlanAccess plan = PlanAccessRules.resolve(List.of(math()), List.of(PlanOverride.setSoldSeparately("CORE")));

            assertThat(access(plan, "CORE")).isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-MATH", false, true));
            assertThat(plan.warnings()).containsExactly(new AccessWarning(
                    NodeRef.of(TRACK, "CORE"),
                    "Set Sold Separately is ignored: the track has no required item of its own to sell"));
        }

        @Test
        void isIgnoredWithAWarningOnAnythingButATrack() {
            PlanAccess plan = PlanAccessRules.resolve(
                    List.of(math()), List.of(new PlanOverride(UNIT, "U2", OverrideAction.SET_SOLD_SEPARATELY, null)));

            assertThat(access(plan, "U2")).isEqualTo(AccessBlock.paid("ITEM-MATH"));
            assertThat(plan.warnings()).extracting(AccessWarning::node).containsExactly(NodeRef.of(UNIT, "U2"));
        }

        @Test
        void storedSoldSeparatelyWithoutAnItemIsNotExported() {
            AccessNode subject = node(SUBJECT, "S", node(TRACK, "T").withSale(true, false)).withRequiredItem("ITEM-S");

            PlanAccess plan = PlanAccessRules.resolve(List.of(subject), List.of());

            assertThat(plan.get(NodeRef.of(TRACK, "T")).access())
                    .isEqualTo(new AccessBlock(AccessLevel.PAID, "ITEM-S", false, true));
            assertThat(plan.warnings()).hasSize(1);
        }
    }

    // ---- Rename -------------------------------------------------------------------------------------------------

    @Nested
    class Rename {

        @Test
        void replacesTheTitleOfTheTargetOnly() {
            PlanAccess plan = PlanAccessRules.resolve(List.of(math()),
                                                      List.of(PlanOverride.rename(TOPIC, "TP2", "  النهايات ")));

            assertThat(plan.get(NodeRef.of(TOPIC, "TP2")).title()).isEqualTo("النهايات");
            assertThat(plan.get(NodeRef.of(LESSON, "L2")).title()).isEqualTo("Title of L2");
            assertThat(plan.get(NodeRef.of(UNIT, "U2")).title()).isEqualTo("Title of U2");
        }

        @Test
        void lastRenameOfANodeWins() {
            PlanAccess plan = PlanAccessRules.resolve(List.of(math()), List.of(
                    PlanOverride.rename(LESSON, "L2", "First"), PlanOverride.rename(LESSON, "L2", "Second")));

            assertThat(plan.get(NodeRef.of(LESSON, "L2")).title()).isEqualTo("Second");
        }

        @Test
        void withoutATitleIsIgnoredWithAWarning() {
            PlanAccess plan = PlanAccessRules.resolve(List.of(math()), List.of(PlanOverride.rename(LESSON, "L2", " ")));

            assertThat(plan.get(NodeRef.of(LESSON, "L2")).title()).isEqualTo("Title of L2");
            assertThat(plan.warnings()).containsExactly(
                    new AccessWarning(NodeRef.of(LESSON, "L2"), "Rename without a new title is ignored"));
        }

        @Test
        void combinesWithOtherOverridesOnTheSameNode() {
            PlanAccess plan = PlanAccessRules.resolve(List.of(math()), List.of(
                    PlanOverride.rename(UNIT, "U2", "Limits"), PlanOverride.setFree(UNIT, "U2")));

            assertThat(plan.get(NodeRef.of(UNIT, "U2")))
                    .isEqualTo(new ResolvedNode(NodeRef.of(UNIT, "U2"), "Limits",
                                                AccessBlock.of(AccessLevel.FREE_PREVIEW)));
        }
    }

    // ---- input that is not a tree -------------------------------------------------------------------------------

    @Test
    void nodeListedTwiceIsRefused() {
        assertThatThrownBy(() -> PlanAccessRules.resolve(List.of(art(), art()), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Subject ART appears twice in the plan's content tree");
    }

    @Test
    void treeMustStartAtSubjects() {
        assertThatThrownBy(() -> PlanAccessRules.resolve(List.of(node(TRACK, "T")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at subjects");
    }

    @Test
    void onlySubjectsAndTracksCarryItems() {
        assertThatThrownBy(() -> node(UNIT, "U").withRequiredItem("ITEM-U"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only subjects and tracks");
        assertThatThrownBy(() -> node(SUBJECT, "S", node(UNIT, "U")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unit U cannot be a child of Subject S");
    }
}

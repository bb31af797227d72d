package com.memora.command.content;

import com.memora.kernel.content.ChangeContentNodeCommand;
import com.memora.kernel.content.ContentFields;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentNodeChangedEvent;
import com.memora.kernel.content.ContentNodeCreatedEvent;
import com.memora.kernel.content.ContentNodeDeletedEvent;
import com.memora.kernel.content.ContentNodeMovedEvent;
import com.memora.kernel.content.ContentNodePublishedEvent;
import com.memora.kernel.content.ContentNodeRestoredEvent;
import com.memora.kernel.content.ContentNodeTrashedEvent;
import com.memora.kernel.content.ContentNodeUnpublishedEvent;
import com.memora.kernel.content.ContentPatch;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.content.CreateContentNodeCommand;
import com.memora.kernel.content.DeleteContentNodeCommand;
import com.memora.kernel.content.LessonStage;
import com.memora.kernel.content.PrepareContentNodeDeletionCommand;
import com.memora.kernel.content.RestoreContentNodeCommand;
import com.memora.kernel.content.TrashContentNodeCommand;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static com.memora.command.testing.Refusals.conflict;
import static com.memora.command.testing.Refusals.invalid;
import static com.memora.kernel.content.ContentKind.LESSON;
import static com.memora.kernel.content.ContentKind.SUBJECT;
import static com.memora.kernel.content.ContentKind.TOPIC;
import static com.memora.kernel.content.ContentKind.TRACK;
import static com.memora.kernel.content.ContentKind.UNIT;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

class ContentNodeAggregateTest {

    private static final List<ContentRef> UNDER_T1 = List.of(new ContentRef(SUBJECT, "MATH"),
                                                             new ContentRef(TRACK, "CORE"),
                                                             new ContentRef(UNIT, "U1"),
                                                             new ContentRef(TOPIC, "T1"));
    private static final LessonStage VIDEO = new LessonStage("Watch", "Video", Map.of("video_url", "videos/l1.mp4"));
    private static final LessonStage QUIZ = new LessonStage("Check", "Question", Map.of("question", "2+2?"));

    private final InMemoryContentRegistry registry = new InMemoryContentRegistry().standardTree();
    private FixtureConfiguration<ContentNodeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContentNodeAggregate.class);
        fixture.registerInjectableResource(registry);
    }

    private static ContentPatch titled(String title) {
        return new ContentPatch(title, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static ContentPatch lessonPatch(String title, List<LessonStage> stages) {
        return new ContentPatch(title, null, null, null, null, null, null, null, null, null, null, stages);
    }

    private static ContentFields lessonFields(String title, List<LessonStage> stages) {
        return ContentFields.blank().apply(lessonPatch(title, stages));
    }

    private static ContentNodeCreatedEvent lessonCreated() {
        return new ContentNodeCreatedEvent(LESSON, "L1", "T1", UNDER_T1, lessonFields("Limits", List.of(VIDEO)),
                                           false);
    }

    // --- create ---

    @Test
    void createsASubjectWithItsFieldsAndNoAncestors() {
        ContentPatch fields = new ContentPatch(" الرياضيات ", "Algebra and more", null, null, 3, "#3366FF", true,
                                               "ITEM-MATH", null, null, null, null);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(SUBJECT, "MATH2", null, fields, true))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ContentNodeCreatedEvent(SUBJECT, "MATH2", null, List.of(),
                                                         new ContentFields("الرياضيات", "Algebra and more", null,
                                                                           false, 3, "#3366FF", true, "ITEM-MATH",
                                                                           false, false, null, List.of()),
                                                         true));
    }

    @Test
    void createsALessonWithItsStagesAndItsWholeAncestorChain() {
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", "T1", lessonPatch("Limits", List.of(VIDEO)), false))
               .expectEvents(lessonCreated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-starts-with-dash", "has space", "dots.are.paths", "../etc", "é",
                            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void refusesAnIdOutsideI1(String id) {
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(SUBJECT, id, null, titled("T"), false))
               .expectException(invalid("id"))
               .expectNoEvents();
    }

    @Test
    void refusesAMissingParent() {
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", null, titled("T"), false))
               .expectException(invalid("parent_topic"))
               .expectNoEvents();
    }

    @Test
    void refusesAParentThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(UNIT, "U9", "NOPE", titled("T"), false))
               .expectException(invalid("parent_track"))
               .expectExceptionMessage("No track with id 'NOPE'")
               .expectNoEvents();
    }

    @Test
    void refusesAParentThatWasDeletedForGood() {
        registry.node(TOPIC, "GONE", "U1", RegistryState.DELETED, false);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", "GONE", titled("T"), false))
               .expectException(invalid("parent_topic"))
               .expectNoEvents();
    }

    @Test
    void refusesAParentInTheTrash() {
        registry.node(TOPIC, "T1", "U1", RegistryState.TRASHED, false);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", "T1", titled("T"), false))
               .expectException(conflict("parent-trashed"))
               .expectExceptionMessage("The topic 'T1' is in the trash; restore it first or choose another "
                                       + "parent_topic")
               .expectNoEvents();
    }

    @Test
    void refusesAParentWhoseAncestorIsInTheTrash() {
        registry.node(TRACK, "CORE", "MATH", RegistryState.TRASHED, false);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", "T1", titled("T"), false))
               .expectException(conflict("parent-trashed"))
               .expectExceptionMessage(containsString("track 'CORE'"))
               .expectNoEvents();
    }

    @Test
    void refusesRequiredItemBelowTrackLevel() {
        ContentPatch withItem = new ContentPatch("T", null, null, null, null, null, null, "ITEM-X", null, null, null,
                                                 null);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(UNIT, "U9", "CORE", withItem, false))
               .expectException(invalid("required_item"))
               .expectExceptionMessage(containsString("belongs to subjects and tracks"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3366FF", "#3366F", "#3366FG", "#3366FF0", "red"})
    void refusesAColorCodeThatIsNotRrggbb(String colorCode) {
        ContentPatch patch = new ContentPatch("T", null, null, null, null, colorCode, null, null, null, null, null,
                                              null);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(SUBJECT, "S1", null, patch, false))
               .expectException(invalid("color_code"))
               .expectNoEvents();
    }

    @Test
    void refusesUnknownStageTypesAndVideoStagesWithoutTheirUrl() {
        List<LessonStage> stages = List.of(new LessonStage("Watch", "Video", Map.of()), QUIZ,
                                           new LessonStage("Drag", "Matching", Map.of()),
                                           new LessonStage(" ", "Text", Map.of()));
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(LESSON, "L1", "T1", lessonPatch("Limits", stages), false))
               .expectException(invalid("stages[0].config.video_url", "stages[2].type", "stages[3].title"))
               .expectNoEvents();
    }

    @Test
    void refusesATrackSoldSeparatelyWithoutItsOwnItem() {
        ContentPatch dlc = new ContentPatch("Exam pack", null, null, null, null, null, null, null, true, false, null,
                                            null);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(TRACK, "EXAM", "MATH", dlc, false))
               .expectException(invalid("is_sold_separately"))
               .expectNoEvents();
    }

    @Test
    void listsEveryProblemAtOnce() {
        ContentPatch bad = new ContentPatch(" ", null, null, null, null, "blue", null, null, null, null, null, null);
        fixture.givenNoPriorActivity()
               .when(new CreateContentNodeCommand(SUBJECT, "bad id", null, bad, false))
               .expectException(invalid("id", "title", "color_code"))
               .expectNoEvents();
    }

    @Test
    void aDuplicateCreateIsRefusedByTheEventStore() {
        fixture.given(lessonCreated())
               .when(new CreateContentNodeCommand(LESSON, "L1", "T1", titled("Again"), false))
               .expectException(Exception.class)
               .expectNoEvents();
    }

    // --- partial update, move, publication ---

    @Test
    void aPartialUpdateChangesOnlyWhatItNamesAndCarriesAllFields() {
        ContentPatch patch = new ContentPatch("Limits (revised)", "", null, null, 2, null, null, null, null, null,
                                              null, null);
        ContentFields after = new ContentFields("Limits (revised)", null, null, false, 2, null, false, null, false,
                                                false, null, List.of(VIDEO));
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, patch, null))
               .expectEvents(new ContentNodeChangedEvent(LESSON, "L1", "T1", UNDER_T1, after,
                                                         List.of("title", "sort_order")));
    }

    @Test
    void aBlankStringClearsAnOptionalField() {
        ContentPatch setDescription = new ContentPatch(null, "About limits", null, null, null, null, null, null, null,
                                                       null, null, null);
        ContentPatch clearDescription = new ContentPatch(null, "", null, null, null, null, null, null, null, null,
                                                         null, null);
        ContentFields described = lessonFields("Limits", List.of(VIDEO)).apply(setDescription);
        fixture.given(lessonCreated(),
                      new ContentNodeChangedEvent(LESSON, "L1", "T1", UNDER_T1, described, List.of("description")))
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, clearDescription, null))
               .expectEvents(new ContentNodeChangedEvent(LESSON, "L1", "T1", UNDER_T1,
                                                         lessonFields("Limits", List.of(VIDEO)),
                                                         List.of("description")));
    }

    @Test
    void replacingTheStagesIsOneChange() {
        ContentFields after = lessonFields("Limits", List.of(QUIZ, VIDEO));
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, lessonPatch(null, List.of(QUIZ, VIDEO)), null))
               .expectEvents(new ContentNodeChangedEvent(LESSON, "L1", "T1", UNDER_T1, after, List.of("stages")));
    }

    @Test
    void anUpdateThatChangesNothingAddsNoEvents() {
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", "T1", lessonPatch("Limits", List.of(VIDEO)), false))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesAKindSpecificFieldOfAnotherKindOnUpdate() {
        ContentPatch badge = new ContentPatch(null, null, null, null, null, null, null, null, null, null, "b.png",
                                              null);
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, badge, null))
               .expectException(invalid("badge_image"))
               .expectNoEvents();
    }

    @Test
    void eventsCarryTheAncestorsAsTheyAreNowEvenAfterAnAncestorMoved() {
        registry.node(UNIT, "U2", "CORE").node(TOPIC, "T1", "U2");
        List<ContentRef> underU2 = List.of(new ContentRef(SUBJECT, "MATH"), new ContentRef(TRACK, "CORE"),
                                           new ContentRef(UNIT, "U2"), new ContentRef(TOPIC, "T1"));
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, titled("New"), null))
               .expectEvents(new ContentNodeChangedEvent(LESSON, "L1", "T1", underU2,
                                                         lessonFields("New", List.of(VIDEO)), List.of("title")));
    }

    @Test
    void movesUnderAnotherParentWithBothAncestorChains() {
        registry.node(TRACK, "EXAM", "MATH", RegistryState.ACTIVE, true).node(UNIT, "U7", "EXAM")
                .node(TOPIC, "T7", "U7");
        List<ContentRef> underT7 = List.of(new ContentRef(SUBJECT, "MATH"), new ContentRef(TRACK, "EXAM"),
                                           new ContentRef(UNIT, "U7"), new ContentRef(TOPIC, "T7"));
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", "T7", titled("Moved"), null))
               .expectEvents(new ContentNodeMovedEvent(LESSON, "L1", "T1", UNDER_T1, "T7", underT7),
                             new ContentNodeChangedEvent(LESSON, "L1", "T7", underT7,
                                                         lessonFields("Moved", List.of(VIDEO)), List.of("title")));
    }

    @Test
    void aMoveNamesBothSubjectsItTouches() {
        registry.node(SUBJECT, "PHYS", null).node(TRACK, "P1", "PHYS");
        ContentNodeMovedEvent moved = new ContentNodeMovedEvent(UNIT, "U1", "CORE",
                List.of(new ContentRef(SUBJECT, "MATH"), new ContentRef(TRACK, "CORE")), "P1",
                List.of(new ContentRef(SUBJECT, "PHYS"), new ContentRef(TRACK, "P1")));
        assertThat(moved.affectedSubjectIds()).containsExactly("MATH", "PHYS");
    }

    @Test
    void refusesAMoveIntoTheTrash() {
        registry.node(TOPIC, "T2", "U1", RegistryState.TRASHED, false);
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", "T2", ContentPatch.empty(), null))
               .expectException(conflict("parent-trashed"))
               .expectNoEvents();
    }

    @Test
    void refusesAMoveUnderAParentThatDoesNotExist() {
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", "T404", ContentPatch.empty(), null))
               .expectException(invalid("parent_topic"))
               .expectNoEvents();
    }

    /**
     * The fixed depth of the tree already rules a cycle out (a unit's parent is a track, never a unit); the check
     * still stands guard should the registry ever report a chain through the node itself.
     */
    @Test
    void refusesAMoveUnderItselfOrADescendant() {
        InMemoryContentRegistry corrupt = new InMemoryContentRegistry() {
            @Override
            public List<RegisteredNode> lineage(ContentKind kind, String id) {
                // a chain through the unit being moved, contradicting the tree's fixed depth
                return List.of(new RegisteredNode(TRACK, "LOOP", "U1", RegistryState.ACTIVE, false),
                               new RegisteredNode(UNIT, "U1", "CORE", RegistryState.ACTIVE, false),
                               new RegisteredNode(TRACK, "CORE", "MATH", RegistryState.ACTIVE, false),
                               new RegisteredNode(SUBJECT, "MATH", null, RegistryState.ACTIVE, false));
            }
        };
        FixtureConfiguration<ContentNodeAggregate> cyclic = new AggregateTestFixture<>(ContentNodeAggregate.class);
        cyclic.registerInjectableResource(corrupt);
        cyclic.given(new ContentNodeCreatedEvent(UNIT, "U1", "CORE", List.of(new ContentRef(SUBJECT, "MATH"),
                                                                                 new ContentRef(TRACK, "CORE")),
                                                 ContentFields.blank().apply(titled("U")), false))
              .when(new ChangeContentNodeCommand(UNIT, "U1", "LOOP", ContentPatch.empty(), null))
              .expectException(invalid("parent_track"))
              .expectExceptionMessage(containsString("under itself or one of its descendants"))
              .expectNoEvents();
    }

    @Test
    void publishesAndUnpublishes() {
        fixture.given(lessonCreated())
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, ContentPatch.empty(), true))
               .expectEvents(new ContentNodePublishedEvent(LESSON, "L1", "T1", UNDER_T1));
        fixture.given(lessonCreated(), new ContentNodePublishedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, ContentPatch.empty(), false))
               .expectEvents(new ContentNodeUnpublishedEvent(LESSON, "L1", "T1", UNDER_T1));
    }

    // --- trash, restore, delete ---

    @Test
    void trashesOnceOnly() {
        fixture.given(lessonCreated())
               .when(new TrashContentNodeCommand(LESSON, "L1"))
               .expectEvents(new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1));
        fixture.given(lessonCreated(), new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new TrashContentNodeCommand(LESSON, "L1"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRestoreCarriesEverythingACreateDoes() {
        fixture.given(lessonCreated(), new ContentNodePublishedEvent(LESSON, "L1", "T1", UNDER_T1),
                      new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new RestoreContentNodeCommand(LESSON, "L1"))
               .expectEvents(new ContentNodeRestoredEvent(LESSON, "L1", "T1", UNDER_T1,
                                                          lessonFields("Limits", List.of(VIDEO)), true));
    }

    @Test
    void restoringANodeOutsideTheTrashChangesNothing() {
        fixture.given(lessonCreated())
               .when(new RestoreContentNodeCommand(LESSON, "L1"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesToRestoreUnderATrashedParent() {
        registry.node(TOPIC, "T1", "U1", RegistryState.TRASHED, false);
        fixture.given(lessonCreated(), new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new RestoreContentNodeCommand(LESSON, "L1"))
               .expectException(conflict("parent-trashed"))
               .expectNoEvents();
    }

    @Test
    void editsInTheTrashAreAllowedAndStayInTheTrash() {
        fixture.given(lessonCreated(), new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, titled("Fixed"), null))
               .expectEvents(new ContentNodeChangedEvent(LESSON, "L1", "T1", UNDER_T1,
                                                         lessonFields("Fixed", List.of(VIDEO)), List.of("title")));
    }

    @Test
    void deletesWithThePreviousAncestorsAndIsGoneAfterwards() {
        fixture.given(lessonCreated())
               .when(new DeleteContentNodeCommand(LESSON, "L1"))
               .expectEvents(new ContentNodeDeletedEvent(LESSON, "L1", "T1", UNDER_T1, false))
               .expectMarkedDeleted();
        fixture.given(lessonCreated(), new ContentNodeDeletedEvent(LESSON, "L1", "T1", UNDER_T1, false))
               .when(new ChangeContentNodeCommand(LESSON, "L1", null, titled("Back?"), null))
               .expectException(AggregateDeletedException.class);
    }

    @Test
    void refusesToDeleteANodeThatStillHasChildren() {
        registry.node(LESSON, "L1", "T1");
        fixture.given(new ContentNodeCreatedEvent(TOPIC, "T1", "U1", UNDER_T1.subList(0, 3),
                                                  ContentFields.blank().apply(titled("T")), false))
               .when(new DeleteContentNodeCommand(TOPIC, "T1"))
               .expectException(conflict("content-has-children"))
               .expectNoEvents();
    }

    @Test
    void refusesToDeleteASubjectThatAPlanStillLists() {
        registry.plan("P1", RegistryState.TRASHED, "SOLO").node(SUBJECT, "SOLO", null);
        fixture.given(new ContentNodeCreatedEvent(SUBJECT, "SOLO", null, List.of(),
                                                  ContentFields.blank().apply(titled("Solo")), false))
               .when(new DeleteContentNodeCommand(SUBJECT, "SOLO"))
               .expectException(conflict("subject-in-plans"))
               .expectExceptionMessage(containsString("[P1]"))
               .expectNoEvents();
    }

    // --- permanent delete of a sub-tree (ContentDeletion sends these) ---

    @Test
    void preparingADeleteChecksTheNodesOwnRulesAndTrashesIt() {
        fixture.given(lessonCreated())
               .when(new PrepareContentNodeDeletionCommand(LESSON, "L1"))
               .expectEvents(new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1));
    }

    @Test
    void preparingTheDeleteOfANodeInTheTrashChangesNothing() {
        fixture.given(lessonCreated(), new ContentNodeTrashedEvent(LESSON, "L1", "T1", UNDER_T1))
               .when(new PrepareContentNodeDeletionCommand(LESSON, "L1"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void preparingTheDeleteOfANodeWithChildrenTrashesIt() {
        registry.node(LESSON, "L1", "T1");
        fixture.given(new ContentNodeCreatedEvent(TOPIC, "T1", "U1", UNDER_T1.subList(0, 3),
                                                  ContentFields.blank().apply(titled("T")), false))
               .when(new PrepareContentNodeDeletionCommand(TOPIC, "T1"))
               .expectEvents(new ContentNodeTrashedEvent(TOPIC, "T1", "U1", UNDER_T1.subList(0, 3)));
    }

    @Test
    void preparingTheDeleteOfASubjectThatAPlanListsIsRefusedBeforeAnythingChanges() {
        registry.plan("P1", RegistryState.TRASHED, "SOLO").node(SUBJECT, "SOLO", null)
                .node(TRACK, "SOLO-CORE", "SOLO");
        fixture.given(new ContentNodeCreatedEvent(SUBJECT, "SOLO", null, List.of(),
                                                  ContentFields.blank().apply(titled("Solo")), false))
               .when(new PrepareContentNodeDeletionCommand(SUBJECT, "SOLO"))
               .expectException(conflict("subject-in-plans"))
               .expectExceptionMessage(containsString("[P1]"))
               .expectNoEvents();
    }

    @Test
    void aCascadeDeletesANodeThatIsStillUnderItsRoot() {
        registry.node(UNIT, "U1", "CORE", RegistryState.TRASHED, false).node(LESSON, "L1", "T1");
        fixture.given(lessonCreated())
               .when(new DeleteContentNodeCommand(LESSON, "L1", new ContentRef(UNIT, "U1")))
               .expectEvents(new ContentNodeDeletedEvent(LESSON, "L1", "T1", UNDER_T1, false))
               .expectResultMessagePayload(true)
               .expectMarkedDeleted();
    }

    @Test
    void aCascadeLeavesANodeThatWasMovedOutOfTheSubtreeAlone() {
        List<ContentRef> underT9 = List.of(new ContentRef(SUBJECT, "MATH"), new ContentRef(TRACK, "CORE"),
                                           new ContentRef(UNIT, "U2"), new ContentRef(TOPIC, "T9"));
        registry.node(UNIT, "U1", "CORE", RegistryState.TRASHED, false)
                .node(UNIT, "U2", "CORE").node(TOPIC, "T9", "U2").node(LESSON, "L1", "T9");
        fixture.given(lessonCreated(), new ContentNodeMovedEvent(LESSON, "L1", "T1", UNDER_T1, "T9", underT9))
               .when(new DeleteContentNodeCommand(LESSON, "L1", new ContentRef(UNIT, "U1")))
               .expectSuccessfulHandlerExecution()
               .expectResultMessagePayload(false)
               .expectNoEvents();
    }

    @Test
    void aCascadeStopsWhenItsRootWasTakenOutOfTheTrash() {
        registry.node(LESSON, "L1", "T1");
        fixture.given(lessonCreated())
               .when(new DeleteContentNodeCommand(LESSON, "L1", new ContentRef(UNIT, "U1")))
               .expectException(conflict("deletion-interrupted"))
               .expectNoEvents();
    }
}

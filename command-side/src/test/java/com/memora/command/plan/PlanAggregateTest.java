package com.memora.command.plan;

import com.memora.command.content.InMemoryContentRegistry;
import com.memora.command.content.RegistryState;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.plan.AddPlanOverrideCommand;
import com.memora.kernel.plan.ChangePlanCommand;
import com.memora.kernel.plan.CreatePlanCommand;
import com.memora.kernel.plan.DeletePlanCommand;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanCreatedEvent;
import com.memora.kernel.plan.PlanDeletedEvent;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanDetailsChangedEvent;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanOverrideAddedEvent;
import com.memora.kernel.plan.PlanOverrideRemovedEvent;
import com.memora.kernel.plan.PlanRestoredEvent;
import com.memora.kernel.plan.PlanSubject;
import com.memora.kernel.plan.PlanSubjectsReplacedEvent;
import com.memora.kernel.plan.PlanTrashedEvent;
import com.memora.kernel.plan.RemovePlanOverrideCommand;
import com.memora.kernel.plan.ReplacePlanOverridesCommand;
import com.memora.kernel.plan.ReplacePlanSubjectsCommand;
import com.memora.kernel.plan.PlanRules;
import com.memora.kernel.plan.RestorePlanCommand;
import com.memora.kernel.plan.TrashPlanCommand;
import com.memora.kernel.error.NotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.memora.command.testing.Refusals.conflict;
import static com.memora.command.testing.Refusals.invalid;
import static com.memora.kernel.content.ContentKind.LESSON;
import static com.memora.kernel.content.ContentKind.SUBJECT;
import static com.memora.kernel.content.ContentKind.TRACK;
import static com.memora.kernel.content.ContentKind.UNIT;
import static org.hamcrest.Matchers.containsString;

class PlanAggregateTest {

    private static final PlanDetails DETAILS = new PlanDetails("Tawjihi Scientific", "SEASON-2026", "SCI", "G12");
    private static final PlanCreatedEvent CREATED = new PlanCreatedEvent("P1", DETAILS);

    private final InMemoryContentRegistry registry = new InMemoryContentRegistry()
            .standardTree()
            .node(SUBJECT, "ART", null)
            .node(SUBJECT, "OLD", null, RegistryState.TRASHED, false)
            .node(SUBJECT, "GONE", null, RegistryState.DELETED, false)
            .node(TRACK, "EXAM", "MATH", RegistryState.ACTIVE, true)
            .node(LESSON, "L1", "T1");
    private final Set<String> seasons = new HashSet<>(Set.of("SEASON-2026", "SEASON-2027"));
    private FixtureConfiguration<PlanAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlanAggregate.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource((SeasonDirectory) seasons::contains);
    }

    private static PlanOverride override(String id, ContentKind type, String target,
                                         OverrideAction action, String value) {
        return new PlanOverride(id, type, target, action, value);
    }

    // --- create and change ---

    @Test
    void createsAPlanInAnExistingSeason() {
        fixture.givenNoPriorActivity()
               .when(new CreatePlanCommand("P1", new PlanDetails(" Tawjihi Scientific ", "SEASON-2026", "SCI", "G12")))
               .expectEvents(CREATED);
    }

    @Test
    void refusesASeasonThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(new CreatePlanCommand("P1", new PlanDetails("T", "SEASON-2031", "SCI", "G12")))
               .expectException(invalid("season"))
               .expectExceptionMessage(containsString("No season 'SEASON-2031'"))
               .expectNoEvents();
    }

    @Test
    void refusesBlankOrMalformedFieldsAllAtOnce() {
        fixture.givenNoPriorActivity()
               .when(new CreatePlanCommand("bad id", new PlanDetails(" ", "2026", " ", "grade 12")))
               .expectException(invalid("id", "title", "season", "stream", "grade"))
               .expectNoEvents();
    }

    @Test
    void changesOnlyWhatDiffersAndChecksANewSeason() {
        fixture.given(CREATED)
               .when(new ChangePlanCommand("P1", "New title", "SEASON-2027", null, null))
               .expectEvents(new PlanDetailsChangedEvent("P1", new PlanDetails("New title", "SEASON-2027", "SCI",
                                                                               "G12"),
                                                         List.of("title", "season")));
        fixture.given(CREATED)
               .when(new ChangePlanCommand("P1", null, "SEASON-2040", null, null))
               .expectException(invalid("season"))
               .expectNoEvents();
        fixture.given(CREATED)
               .when(new ChangePlanCommand("P1", "Tawjihi Scientific", null, "SCI", null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    // --- subjects ---

    @Test
    void replacesTheWholeSubjectList() {
        List<PlanSubject> subjects = List.of(new PlanSubject("MATH", 1), new PlanSubject("ART", 2));
        fixture.given(CREATED)
               .when(new ReplacePlanSubjectsCommand("P1", subjects))
               .expectEvents(new PlanSubjectsReplacedEvent("P1", subjects, List.of()));
        fixture.given(CREATED, new PlanSubjectsReplacedEvent("P1", subjects, List.of()))
               .when(new ReplacePlanSubjectsCommand("P1", List.of(new PlanSubject("ART", 1))))
               .expectEvents(new PlanSubjectsReplacedEvent("P1", List.of(new PlanSubject("ART", 1)),
                                                           List.of("MATH", "ART")));
        fixture.given(CREATED, new PlanSubjectsReplacedEvent("P1", subjects, List.of()))
               .when(new ReplacePlanSubjectsCommand("P1", subjects))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesSubjectsThatDoNotExistAreTrashedOrDeleted() {
        fixture.given(CREATED)
               .when(new ReplacePlanSubjectsCommand("P1", List.of(new PlanSubject("MATH", 1),
                                                                  new PlanSubject("NOPE", 2),
                                                                  new PlanSubject("OLD", 3),
                                                                  new PlanSubject("GONE", 4))))
               .expectException(invalid("[1].subject", "[2].subject", "[3].subject"))
               .expectNoEvents();
    }

    @Test
    void refusesASubjectListedTwice() {
        fixture.given(CREATED)
               .when(new ReplacePlanSubjectsCommand("P1", List.of(new PlanSubject("MATH", 1),
                                                                  new PlanSubject("ART", 2),
                                                                  new PlanSubject("MATH", 3))))
               .expectException(invalid("[2].subject"))
               .expectExceptionMessage(containsString("listed twice"))
               .expectNoEvents();
    }

    // --- overrides ---

    @Test
    void addsAndRemovesOverrides() {
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", hide))
               .expectEvents(new PlanOverrideAddedEvent("P1", hide));
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide))
               .when(new RemovePlanOverrideCommand("P1", "O1"))
               .expectEvents(new PlanOverrideRemovedEvent("P1", hide));
        fixture.given(CREATED)
               .when(new RemovePlanOverrideCommand("P1", "O1"))
               .expectException(NotFoundException.class)
               .expectNoEvents();
    }

    @Test
    void anOverrideTargetsAnExistingNodeOfTheNamedType() {
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", TRACK, "U1", OverrideAction.HIDE, null)))
               .expectException(invalid("target_id"))
               .expectExceptionMessage(containsString("No track with id 'U1'"))
               .expectNoEvents();
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", SUBJECT, "GONE", OverrideAction.SET_FREE,
                                                               null)))
               .expectException(invalid("target_id"))
               .expectNoEvents();
    }

    @Test
    void renameNeedsAValueAndTheOtherActionsTakeNone() {
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", LESSON, "L1", OverrideAction.RENAME, " ")))
               .expectException(invalid("value"))
               .expectNoEvents();
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", LESSON, "L1", OverrideAction.HIDE, "x")))
               .expectException(invalid("value"))
               .expectNoEvents();
        PlanOverride rename = override("O1", LESSON, "L1", OverrideAction.RENAME, "النهايات");
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", rename))
               .expectEvents(new PlanOverrideAddedEvent("P1", rename));
    }

    @Test
    void setSoldSeparatelyOnlyOnATrackWithItsOwnItem() {
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", TRACK, "CORE",
                                                               OverrideAction.SET_SOLD_SEPARATELY, null)))
               .expectException(invalid("action"))
               .expectExceptionMessage(containsString("has none"))
               .expectNoEvents();
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", override("O1", UNIT, "U1",
                                                               OverrideAction.SET_SOLD_SEPARATELY, null)))
               .expectException(invalid("target_type"))
               .expectNoEvents();
        PlanOverride dlc = override("O1", TRACK, "EXAM", OverrideAction.SET_SOLD_SEPARATELY, null);
        fixture.given(CREATED)
               .when(new AddPlanOverrideCommand("P1", dlc))
               .expectEvents(new PlanOverrideAddedEvent("P1", dlc));
    }

    @Test
    void refusesAnExactDuplicateAndAReusedId() {
        PlanOverride free = override("O1", LESSON, "L1", OverrideAction.SET_FREE, null);
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", free))
               .when(new AddPlanOverrideCommand("P1", override("O2", LESSON, "L1", OverrideAction.SET_FREE, null)))
               .expectException(conflict("override-duplicate"))
               .expectNoEvents();
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", free))
               .when(new AddPlanOverrideCommand("P1", override("O1", UNIT, "U1", OverrideAction.HIDE, null)))
               .expectException(conflict("duplicate-id"))
               .expectNoEvents();
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", free))
               .when(new AddPlanOverrideCommand("P1", override("O2", LESSON, "L1", OverrideAction.HIDE, null)))
               .expectEvents(new PlanOverrideAddedEvent("P1", override("O2", LESSON, "L1", OverrideAction.HIDE,
                                                                       null)));
    }

    // --- replacing the whole override list (the import) ---

    @Test
    void replacingOverridesAddsNewOnesAndRemovesThoseMissingFromTheList() {
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        PlanOverride free = override("O2", LESSON, "L1", OverrideAction.SET_FREE, null);
        PlanOverride rename = override("O3", LESSON, "L1", OverrideAction.RENAME, "النهايات");
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide), new PlanOverrideAddedEvent("P1", free))
               .when(new ReplacePlanOverridesCommand("P1", List.of(free, rename)))
               .expectEvents(new PlanOverrideRemovedEvent("P1", hide), new PlanOverrideAddedEvent("P1", rename));
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide))
               .when(new ReplacePlanOverridesCommand("P1", List.of()))
               .expectEvents(new PlanOverrideRemovedEvent("P1", hide));
    }

    @Test
    void replacingOverridesWithTheSameListChangesNothing() {
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        PlanOverride free = override("O2", LESSON, "L1", OverrideAction.SET_FREE, null);
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide), new PlanOverrideAddedEvent("P1", free))
               .when(new ReplacePlanOverridesCommand("P1", List.of(hide, free)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide), new PlanOverrideAddedEvent("P1", free))
               .when(new ReplacePlanOverridesCommand("P1", List.of(free, hide)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anOverrideWhoseContentChangedUnderTheSameIdIsReplaced() {
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        PlanOverride free = override("O1", UNIT, "U1", OverrideAction.SET_FREE, null);
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide))
               .when(new ReplacePlanOverridesCommand("P1", List.of(free)))
               .expectEvents(new PlanOverrideRemovedEvent("P1", hide), new PlanOverrideAddedEvent("P1", free));
    }

    @Test
    void replacingOverridesRefusesAnIdUsedTwiceInTheList() {
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        fixture.given(CREATED, new PlanOverrideAddedEvent("P1", hide))
               .when(new ReplacePlanOverridesCommand("P1", List.of(
                       override("O2", LESSON, "L1", OverrideAction.SET_FREE, null),
                       override("O2", UNIT, "U1", OverrideAction.SET_FREE, null))))
               .expectException(invalid("[1].id"))
               .expectExceptionMessage(containsString("used twice (also at [0])"))
               .expectNoEvents();
    }

    @Test
    void replacingOverridesRefusesTheSameRuleTwice() {
        fixture.given(CREATED)
               .when(new ReplacePlanOverridesCommand("P1", List.of(
                       override("O1", LESSON, "L1", OverrideAction.RENAME, "Limits"),
                       override("O2", UNIT, "U1", OverrideAction.HIDE, null),
                       override("O3", LESSON, "L1", OverrideAction.RENAME, "Limits"))))
               .expectException(invalid("[2].action"))
               .expectExceptionMessage(containsString("the same override as [0]"))
               .expectNoEvents();
    }

    @Test
    void replacingOverridesChecksEveryOneAndNamesItsPosition() {
        fixture.given(CREATED)
               .when(new ReplacePlanOverridesCommand("P1", List.of(
                       override("O1", UNIT, "U1", OverrideAction.HIDE, null),
                       override("O2", TRACK, "U1", OverrideAction.HIDE, null),
                       override("O3", TRACK, "CORE", OverrideAction.SET_SOLD_SEPARATELY, null),
                       override("O4", LESSON, "L1", OverrideAction.RENAME, null))))
               .expectException(invalid("[1].target_id", "[2].action", "[3].value"))
               .expectNoEvents();
    }

    @Test
    void replacingOverridesKeepsToTheLimit() {
        List<PlanOverride> atLimit = new ArrayList<>();
        for (int i = 0; i < PlanRules.MAX_OVERRIDES; i++) {
            atLimit.add(override("O" + i, LESSON, "L1", OverrideAction.RENAME, "Title " + i));
        }
        fixture.given(CREATED)
               .when(new ReplacePlanOverridesCommand("P1", atLimit))
               .expectEvents(atLimit.stream().map(o -> new PlanOverrideAddedEvent("P1", o)).toArray());

        List<PlanOverride> beyond = new ArrayList<>(atLimit);
        beyond.add(override("O-LAST", UNIT, "U1", OverrideAction.HIDE, null));
        fixture.given(CREATED)
               .when(new ReplacePlanOverridesCommand("P1", beyond))
               .expectException(invalid("overrides"))
               .expectExceptionMessage(containsString("at most " + PlanRules.MAX_OVERRIDES))
               .expectNoEvents();
    }

    // --- trash, restore, delete ---

    @Test
    void trashRestoreAndDelete() {
        PlanSubjectsReplacedEvent subjects = new PlanSubjectsReplacedEvent("P1", List.of(new PlanSubject("MATH", 0)),
                                                                           List.of());
        PlanOverride hide = override("O1", UNIT, "U1", OverrideAction.HIDE, null);
        fixture.given(CREATED)
               .when(new TrashPlanCommand("P1"))
               .expectEvents(new PlanTrashedEvent("P1"));
        fixture.given(CREATED, new PlanTrashedEvent("P1"))
               .when(new TrashPlanCommand("P1"))
               .expectNoEvents();
        fixture.given(CREATED, subjects, new PlanOverrideAddedEvent("P1", hide), new PlanTrashedEvent("P1"))
               .when(new RestorePlanCommand("P1"))
               .expectEvents(new PlanRestoredEvent("P1", DETAILS, subjects.subjects(), List.of(hide)));
        fixture.given(CREATED, new PlanTrashedEvent("P1"))
               .when(new DeletePlanCommand("P1"))
               .expectEvents(new PlanDeletedEvent("P1", true))
               .expectMarkedDeleted();
    }
}

package com.memora.command.plan;

import com.memora.command.content.ContentRegistry;
import com.memora.command.content.RegisteredNode;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRef;
import com.memora.kernel.error.ConflictException;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.plan.AddPlanOverrideCommand;
import com.memora.kernel.plan.ChangePlanCommand;
import com.memora.kernel.plan.CreatePlanCommand;
import com.memora.kernel.plan.DeletePlanCommand;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanCreatedEvent;
import com.memora.kernel.plan.PlanDeletedEvent;
import com.memora.kernel.plan.PlanDetails;
import com.memora.kernel.plan.PlanDetailsChangedEvent;
import com.memora.kernel.plan.PlanIds;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanOverrideAddedEvent;
import com.memora.kernel.plan.PlanOverrideRemovedEvent;
import com.memora.kernel.plan.PlanRestoredEvent;
import com.memora.kernel.plan.PlanRules;
import com.memora.kernel.plan.PlanSubject;
import com.memora.kernel.plan.PlanSubjectsReplacedEvent;
import com.memora.kernel.plan.PlanTrashedEvent;
import com.memora.kernel.plan.RemovePlanOverrideCommand;
import com.memora.kernel.plan.ReplacePlanOverridesCommand;
import com.memora.kernel.plan.ReplacePlanSubjectsCommand;
import com.memora.kernel.plan.RestorePlanCommand;
import com.memora.kernel.plan.TrashPlanCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * An academic plan: the unit of export. It holds its own fields, its ordered subject list and its overrides, all
 * of which change together in the plan's output and nowhere else, so one aggregate per plan; a plan references
 * subjects and override targets by id only. That those exist (and a Set Sold Separately target has its own item,
 * decisions D4) is checked against the {@link ContentRegistry}; that its season exists, against the event store
 * ({@link SeasonDirectory}, D8).
 */
@Aggregate
public class PlanAggregate {

    @AggregateIdentifier
    private String aggregateId;
    private String planId;
    private PlanDetails details;
    private List<PlanSubject> subjects = List.of();
    private Map<String, PlanOverride> overrides = new LinkedHashMap<>();
    private boolean trashed;

    protected PlanAggregate() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public PlanAggregate(CreatePlanCommand command, SeasonDirectory seasons) {
        PlanDetails newDetails = new PlanDetails(null, null, null, null).with(
                command.details().title(), command.details().seasonId(), command.details().stream(),
                command.details().grade());
        List<FieldProblem> problems = new ArrayList<>(PlanRules.checkId("id", command.planId(), "plan"));
        problems.addAll(PlanRules.checkDetails(newDetails));
        refuseIfAny("plan-invalid", problems);
        requireSeason(newDetails.seasonId(), seasons);
        apply(new PlanCreatedEvent(command.planId(), newDetails));
    }

    @CommandHandler
    void handle(ChangePlanCommand command, SeasonDirectory seasons) {
        PlanDetails newDetails = details.with(command.title(), command.seasonId(), command.stream(), command.grade());
        refuseIfAny("plan-invalid", PlanRules.checkDetails(newDetails));
        if (!newDetails.seasonId().equals(details.seasonId())) {
            requireSeason(newDetails.seasonId(), seasons);
        }
        List<String> changed = changedFields(details, newDetails);
        if (!changed.isEmpty()) {
            apply(new PlanDetailsChangedEvent(planId, newDetails, changed));
        }
    }

    /** Every subject exists, is outside the trash and is listed once. */
    @CommandHandler
    void handle(ReplacePlanSubjectsCommand command, ContentRegistry registry) {
        List<PlanSubject> newSubjects = List.copyOf(command.subjects());
        List<FieldProblem> problems = new ArrayList<>(PlanRules.checkSubjects(newSubjects));
        if (problems.isEmpty()) {
            Map<String, RegisteredNode> found = registry.findAllLocked(
                    ContentKind.SUBJECT, newSubjects.stream().map(PlanSubject::subjectId).toList());
            for (int i = 0; i < newSubjects.size(); i++) {
                String field = "[" + i + "].subject";
                String subjectId = newSubjects.get(i).subjectId();
                subjectProblem(subjectId, Optional.ofNullable(found.get(subjectId)))
                        .ifPresent(message -> problems.add(new FieldProblem(field, message)));
            }
        }
        refuseIfAny("plan-subjects-invalid", problems);
        if (!newSubjects.equals(subjects)) {
            apply(new PlanSubjectsReplacedEvent(planId, newSubjects,
                                                subjects.stream().map(PlanSubject::subjectId).toList()));
        }
    }

    /** The target exists with the named type; Set Sold Separately needs a track with its own item; no repeats. */
    @CommandHandler
    void handle(AddPlanOverrideCommand command, ContentRegistry registry) {
        PlanOverride override = command.override();
        List<FieldProblem> problems = new ArrayList<>(PlanRules.checkOverride(override));
        if (problems.isEmpty()) {
            problems.addAll(targetProblems(override, lockTargets(List.of(override), registry)));
        }
        refuseIfAny("override-invalid", problems);
        if (overrides.containsKey(override.id())) {
            throw new ConflictException("duplicate-id", "Plan '" + planId + "' already has an override with id '"
                                                        + override.id() + "'");
        }
        overrides.values().stream().filter(override::sameRuleAs).findFirst().ifPresent(same -> {
            throw new ConflictException("override-duplicate", "Plan '" + planId + "' already has this override (id '"
                                                              + same.id() + "')");
        });
        if (overrides.size() >= PlanRules.MAX_OVERRIDES) {
            throw new ConflictException("override-limit", "A plan has at most " + PlanRules.MAX_OVERRIDES
                                                          + " overrides");
        }
        apply(new PlanOverrideAddedEvent(planId, override));
    }

    /** Each override checked as if added alone; ids and rules are unique within the list. */
    @CommandHandler
    void handle(ReplacePlanOverridesCommand command, ContentRegistry registry) {
        List<PlanOverride> wanted = List.copyOf(command.overrides());
        if (wanted.size() > PlanRules.MAX_OVERRIDES) {
            throw new InvalidInputException("override-invalid", "overrides", "A plan has at most "
                                                                             + PlanRules.MAX_OVERRIDES + " overrides");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<List<FieldProblem>> shapeProblems = wanted.stream().map(PlanRules::checkOverride).toList();
        List<PlanOverride> wellFormed = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (shapeProblems.get(i).isEmpty()) {
                wellFormed.add(wanted.get(i));
            }
        }
        Map<ContentRef, RegisteredNode> targets = lockTargets(wellFormed, registry);
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            PlanOverride override = wanted.get(i);
            String at = "[" + i + "].";
            List<FieldProblem> own = new ArrayList<>(shapeProblems.get(i));
            if (own.isEmpty()) {
                own.addAll(targetProblems(override, targets));
            }
            own.forEach(problem -> problems.add(new FieldProblem(at + problem.field(), problem.message())));
            Integer first = ids.putIfAbsent(override.id(), i);
            if (first != null) {
                problems.add(new FieldProblem(at + "id", "override id '" + override.id() + "' is used twice (also at ["
                                                         + first + "])"));
            }
            for (int j = 0; j < i; j++) {
                if (wanted.get(j).sameRuleAs(override)) {
                    problems.add(new FieldProblem(at + "action", "the same override as [" + j + "]"));
                }
            }
        }
        refuseIfAny("override-invalid", problems);
        for (PlanOverride current : List.copyOf(overrides.values())) {
            if (!wanted.contains(current)) {
                apply(new PlanOverrideRemovedEvent(planId, current));
            }
        }
        for (PlanOverride override : wanted) {
            if (!override.equals(overrides.get(override.id()))) {
                apply(new PlanOverrideAddedEvent(planId, override));
            }
        }
    }

    @CommandHandler
    void handle(RemovePlanOverrideCommand command) {
        PlanOverride override = overrides.get(command.overrideId());
        if (override == null) {
            throw new NotFoundException("override", command.overrideId());
        }
        apply(new PlanOverrideRemovedEvent(planId, override));
    }

    @CommandHandler
    void handle(TrashPlanCommand command) {
        if (!trashed) {
            apply(new PlanTrashedEvent(planId));
        }
    }

    @CommandHandler
    void handle(RestorePlanCommand command) {
        if (trashed) {
            apply(new PlanRestoredEvent(planId, details, subjects, List.copyOf(overrides.values())));
        }
    }

    @CommandHandler
    void handle(DeletePlanCommand command) {
        apply(new PlanDeletedEvent(planId, trashed));
    }

    @EventSourcingHandler
    void on(PlanCreatedEvent event) {
        aggregateId = PlanIds.aggregateId(event.planId());
        planId = event.planId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(PlanDetailsChangedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(PlanSubjectsReplacedEvent event) {
        subjects = List.copyOf(event.subjects());
    }

    @EventSourcingHandler
    void on(PlanOverrideAddedEvent event) {
        overrides.put(event.override().id(), event.override());
    }

    @EventSourcingHandler
    void on(PlanOverrideRemovedEvent event) {
        overrides.remove(event.override().id());
    }

    @EventSourcingHandler
    void on(PlanTrashedEvent event) {
        trashed = true;
    }

    @EventSourcingHandler
    void on(PlanRestoredEvent event) {
        trashed = false;
    }

    @EventSourcingHandler
    void on(PlanDeletedEvent event) {
        markDeleted();
    }

    private static void requireSeason(String seasonId, SeasonDirectory seasons) {
        if (!seasons.exists(seasonId)) {
            throw new InvalidInputException("season-not-found", "season", "No season '" + seasonId
                                                                          + "'; create it first (POST /api/seasons)");
        }
    }

    private static Optional<String> subjectProblem(String subjectId, Optional<RegisteredNode> subject) {
        if (subject.isEmpty() || subject.get().deleted()) {
            return Optional.of("No subject with id '" + subjectId + "'");
        }
        if (subject.get().trashed()) {
            return Optional.of("The subject '" + subjectId + "' is in the trash; restore it first");
        }
        return Optional.empty();
    }

    /**
     * The overrides' targets as registered, locked until this command commits: a target cannot be deleted for good
     * between the check and the override being stored (docs/content.md).
     */
    private static Map<ContentRef, RegisteredNode> lockTargets(List<PlanOverride> overrides,
                                                               ContentRegistry registry) {
        Map<ContentKind, List<String>> idsByKind = new EnumMap<>(ContentKind.class);
        overrides.forEach(override -> idsByKind.computeIfAbsent(override.targetType(), kind -> new ArrayList<>())
                                               .add(override.targetId()));
        Map<ContentRef, RegisteredNode> targets = new HashMap<>();
        idsByKind.forEach((kind, ids) -> registry.findAllLocked(kind, ids).values()
                                                 .forEach(node -> targets.put(node.ref(), node)));
        return targets;
    }

    private static List<FieldProblem> targetProblems(PlanOverride override, Map<ContentRef, RegisteredNode> targets) {
        ContentKind type = override.targetType();
        Optional<RegisteredNode> target = Optional.ofNullable(targets.get(new ContentRef(type, override.targetId())));
        if (target.isEmpty() || target.get().deleted()) {
            return List.of(new FieldProblem("target_id", "No " + type.singular() + " with id '" + override.targetId()
                                                         + "' (target_type " + type.typeName() + ")"));
        }
        if (override.action() == OverrideAction.SET_SOLD_SEPARATELY && !target.get().ownItem()) {
            return List.of(new FieldProblem("action", "Set Sold Separately needs a track with its own "
                                                      + "required_item; track '" + override.targetId()
                                                      + "' has none"));
        }
        return List.of();
    }

    private static List<String> changedFields(PlanDetails before, PlanDetails after) {
        List<String> changed = new ArrayList<>();
        if (!after.title().equals(before.title())) {
            changed.add("title");
        }
        if (!after.seasonId().equals(before.seasonId())) {
            changed.add("season");
        }
        if (!after.stream().equals(before.stream())) {
            changed.add("stream");
        }
        if (!after.grade().equals(before.grade())) {
            changed.add("grade");
        }
        return changed;
    }

    private static void refuseIfAny(String problemType, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problemType, problems);
        }
    }
}

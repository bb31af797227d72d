package com.memora.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.command.content.ContentRegistry;
import com.memora.command.content.RegisteredNode;
import com.memora.command.content.RegistryState;
import com.memora.command.plan.SeasonDirectory;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentRules;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.plan.OverrideAction;
import com.memora.kernel.plan.PlanOverride;
import com.memora.kernel.plan.PlanRules;
import com.memora.kernel.plan.PlanSubject;
import com.memora.kernel.season.SeasonRules;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole import document before anything is sent: first its shape against the JSON Schema, then what the
 * schema cannot say: ids repeated within the document, ids of nodes deleted for good, the rules that span fields
 * (a sold-separately track needs its own item), plans whose season, subjects or override targets exist neither in
 * the document nor in the system. The same rules the aggregates enforce, so a document that passes here dispatches
 * cleanly unless someone changes the system meanwhile.
 */
@Component
public class CurriculumValidator {

    private final CurriculumSchema schema = new CurriculumSchema();
    private final ContentRegistry registry;
    private final SeasonDirectory seasons;

    CurriculumValidator(ContentRegistry registry, SeasonDirectory seasons) {
        this.registry = registry;
        this.seasons = seasons;
    }

    List<FieldProblem> check(JsonNode json, CurriculumDocument document) {
        List<FieldProblem> problems = new ArrayList<>(schema.check(json));
        Set<String> pathsWithSchemaProblems = new HashSet<>();
        problems.forEach(problem -> pathsWithSchemaProblems.add(problem.field()));

        Set<String> documentSeasons = checkSeasons(document.seasons(), pathsWithSchemaProblems, problems);

        Map<ContentKind, Map<String, CurriculumDocument.Node>> byId = new HashMap<>();
        for (ContentKind kind : ContentKind.values()) {
            Map<String, CurriculumDocument.Node> seen = new HashMap<>();
            byId.put(kind, seen);
            List<CurriculumDocument.Node> nodes = document.nodes().get(kind);
            Map<String, RegisteredNode> existing = existing(kind, nodes);
            for (CurriculumDocument.Node node : nodes) {
                if (node.id() == null) {
                    continue;
                }
                CurriculumDocument.Node first = seen.putIfAbsent(node.id(), node);
                if (first != null) {
                    problems.add(new FieldProblem(node.path() + ".id", "the " + kind.singular() + " id '" + node.id()
                                                                       + "' is used twice (also at " + first.path()
                                                                       + ")"));
                }
                RegisteredNode stored = existing.get(node.id());
                if (stored != null && stored.deleted()) {
                    problems.add(new FieldProblem(node.path() + ".id", "the " + kind.singular() + " '" + node.id()
                                                                       + "' was deleted for good; its id cannot be "
                                                                       + "used again"));
                }
                if (!hasOwnSchemaProblem(node.path(), kind, pathsWithSchemaProblems)) {
                    ContentRules.checkFields(kind, node.fields()).forEach(problem -> problems.add(
                            new FieldProblem(node.path() + "." + problem.field(), problem.message())));
                }
            }
        }

        Map<String, String> planIds = new HashMap<>();
        for (CurriculumDocument.Plan plan : document.plans()) {
            if (plan.id() == null) {
                continue;
            }
            String first = planIds.putIfAbsent(plan.id(), plan.path());
            if (first != null) {
                problems.add(new FieldProblem(plan.path() + ".id", "the plan id '" + plan.id()
                                                                   + "' is used twice (also at " + first + ")"));
            }
            if (registry.planState(plan.id()).filter(state -> state == RegistryState.DELETED).isPresent()) {
                problems.add(new FieldProblem(plan.path() + ".id", "the plan '" + plan.id()
                                                                   + "' was deleted for good; its id cannot be used "
                                                                   + "again"));
            }
            checkPlan(plan, documentSeasons, byId, pathsWithSchemaProblems, problems);
        }
        if (problems.isEmpty() && isEmpty(document)) {
            // {} or empty lists: surely the wrong file or a client bug, and it would only record an empty job
            problems.add(new FieldProblem("$", "the document holds nothing to import: give seasons, subjects or"
                                               + " plans"));
        }
        return problems.stream().distinct().toList();
    }

    private static boolean isEmpty(CurriculumDocument document) {
        return document.seasons().isEmpty() && document.plans().isEmpty()
               && document.nodes().values().stream().allMatch(List::isEmpty);
    }

    /**
     * The rules the season aggregate applies when the dispatch creates a season, plus what only a document can get
     * wrong: a season listed twice, a date that is not on the calendar, more than one active season (the last
     * would silently win).
     *
     * @return the ids of the document's seasons
     */
    private static Set<String> checkSeasons(List<CurriculumDocument.Season> seasons, Set<String> schemaProblems,
                                            List<FieldProblem> problems) {
        Map<String, String> ids = new HashMap<>();
        String firstActive = null;
        for (CurriculumDocument.Season season : seasons) {
            if (season.id() != null) {
                String first = ids.putIfAbsent(season.id(), season.path());
                if (first != null) {
                    problems.add(new FieldProblem(season.path() + ".id", "the season id '" + season.id()
                                                                         + "' is used twice (also at " + first + ")"));
                }
            }
            calendarDate(season.path() + ".start_date", season.startText(), season.startDate(), problems);
            calendarDate(season.path() + ".end_date", season.endText(), season.endDate(), problems);
            SeasonRules.checkNew(season.id(), season.title(), season.startDate(), season.endDate(), season.active(),
                                 season.autoArchive()).stream()
                       .map(problem -> new FieldProblem(season.path() + "." + problem.field(), problem.message()))
                       // a missing or malformed field is the schema's (or the calendar check's) to report
                       .filter(problem -> !schemaProblems.contains(problem.field())
                                          && !problems.stream().anyMatch(known -> known.field()
                                                                                       .equals(problem.field())))
                       .forEach(problems::add);
            if (season.active()) {
                if (firstActive != null) {
                    problems.add(new FieldProblem(season.path() + ".is_active", "only one season can be active; "
                                                                                + firstActive + " is active too"));
                } else {
                    firstActive = season.path();
                }
            }
        }
        return ids.keySet();
    }

    private static void calendarDate(String path, String text, LocalDate date,
                                     List<FieldProblem> problems) {
        if (text != null && date == null && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            problems.add(new FieldProblem(path, "'" + text + "' is not a date on the calendar"));
        }
    }

    private void checkPlan(CurriculumDocument.Plan plan, Set<String> documentSeasons,
                           Map<ContentKind, Map<String, CurriculumDocument.Node>> inDocument,
                           Set<String> schemaProblems, List<FieldProblem> problems) {
        PlanRules.checkDetails(plan.details()).stream()
                 .map(problem -> new FieldProblem(plan.path() + "." + problem.field(), problem.message()))
                 .filter(problem -> !schemaProblems.contains(problem.field()))
                 .forEach(problems::add);
        String season = plan.details().seasonId();
        if (season != null && !documentSeasons.contains(season) && !seasons.exists(season)) {
            problems.add(new FieldProblem(plan.path() + ".season", "No season '" + season
                                                                   + "' in the document or the system"));
        }
        Map<String, Integer> listed = new HashMap<>();
        for (int i = 0; i < plan.subjects().size(); i++) {
            PlanSubject subject = plan.subjects().get(i);
            String at = plan.path() + ".subjects[" + i + "].subject";
            if (subject.subjectId() == null) {
                continue;
            }
            Integer first = listed.putIfAbsent(subject.subjectId(), i);
            if (first != null) {
                problems.add(new FieldProblem(at, "subject '" + subject.subjectId() + "' is listed twice (also at ["
                                                  + first + "])"));
            }
            if (!inDocument.get(ContentKind.SUBJECT).containsKey(subject.subjectId())) {
                Optional<RegisteredNode> stored = registry.find(ContentKind.SUBJECT, subject.subjectId());
                if (stored.isEmpty() || stored.get().deleted()) {
                    problems.add(new FieldProblem(at, "No subject '" + subject.subjectId()
                                                      + "' in the document or the system"));
                } else if (stored.get().trashed()) {
                    problems.add(new FieldProblem(at, "The subject '" + subject.subjectId() + "' is in the trash"));
                }
            }
        }
        if (plan.overrides().size() > PlanRules.MAX_OVERRIDES) {
            // the schema reported the limit (plans[i].overrides); checking each of thousands of overrides, and
            // comparing each with every other, would only bury that one problem
            return;
        }
        Map<String, Integer> overrideIds = new HashMap<>();
        for (int i = 0; i < plan.overrides().size(); i++) {
            PlanOverride override = plan.overrides().get(i);
            String at = plan.path() + ".overrides[" + i + "].";
            if (override.targetType() == null || override.action() == null || override.targetId() == null) {
                continue; // the schema reported it
            }
            PlanRules.checkOverride(override).stream()
                     .filter(problem -> !problem.field().equals("id") && !problem.field().equals("target_id"))
                     .forEach(problem -> problems.add(new FieldProblem(at + problem.field(), problem.message())));
            Integer first = overrideIds.putIfAbsent(override.id(), i);
            if (first != null) {
                problems.add(new FieldProblem(at + "id", "override id '" + override.id() + "' is used twice in this "
                                                         + "plan (also at overrides[" + first + "])"));
            }
            for (int j = 0; j < i; j++) {
                if (plan.overrides().get(j).sameRuleAs(override)) {
                    problems.add(new FieldProblem(at + "action", "the same override as overrides[" + j + "]"));
                }
            }
            targetProblem(override, inDocument).ifPresent(message -> problems.add(
                    new FieldProblem(at + (message.startsWith("Set Sold") ? "action" : "target_id"), message)));
        }
    }

    /** The target exists (in the document or the system); Set Sold Separately needs a track with its own item. */
    private Optional<String> targetProblem(PlanOverride override,
                                           Map<ContentKind, Map<String, CurriculumDocument.Node>> inDocument) {
        ContentKind type = override.targetType();
        CurriculumDocument.Node documented = inDocument.get(type).get(override.targetId());
        boolean ownItem;
        if (documented != null) {
            ownItem = documented.fields().hasOwnItem();
        } else {
            Optional<RegisteredNode> stored = registry.find(type, override.targetId());
            if (stored.isEmpty() || stored.get().deleted()) {
                return Optional.of("No " + type.singular() + " '" + override.targetId()
                                   + "' in the document or the system");
            }
            ownItem = stored.get().ownItem();
        }
        if (override.action() == OverrideAction.SET_SOLD_SEPARATELY && type == ContentKind.TRACK && !ownItem) {
            return Optional.of("Set Sold Separately needs a track with its own required_item; track '"
                               + override.targetId() + "' has none");
        }
        return Optional.empty();
    }

    private Map<String, RegisteredNode> existing(ContentKind kind, List<CurriculumDocument.Node> nodes) {
        List<String> ids = nodes.stream().map(CurriculumDocument.Node::id).filter(Objects::nonNull)
                                .distinct().toList();
        return registry.findAll(kind, ids);
    }

    /**
     * Whether the schema already reported something about this node's own fields (not its children's): then the
     * field rules would only repeat it.
     */
    private static boolean hasOwnSchemaProblem(String nodePath, ContentKind kind, Set<String> problemPaths) {
        String children = kind.child() == null ? null : nodePath + "." + kind.child().collection() + "[";
        for (String path : problemPaths) {
            if ((path.equals(nodePath) || path.startsWith(nodePath + ".")) && (children == null
                                                                               || !path.startsWith(children))) {
                return true;
            }
        }
        return false;
    }
}

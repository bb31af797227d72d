package com.memora.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.memora.command.content.ContentRegistry;
import com.memora.command.plan.SeasonDirectory;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.error.FieldProblem;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.ops.BackgroundJobs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/import}: validate the whole document, and only if nothing is wrong start the dispatch as a
 * background job. Nothing is sent when anything is wrong.
 */
@Service
public class CurriculumImport {

    static final String JOB_TYPE = "content-import";
    /** More problems than this are summarised, so a badly broken document still gets a readable answer. */
    static final int MAX_PROBLEMS = 500;

    private final CurriculumValidator validator;
    private final BackgroundJobs jobs;
    private final CommandGateway commands;
    private final ContentRegistry registry;
    private final SeasonDirectory seasons;
    private final int dispatchThreads;

    CurriculumImport(CurriculumValidator validator, BackgroundJobs jobs, CommandGateway commands,
                     ContentRegistry registry, SeasonDirectory seasons,
                     @Value("${memora.content-import.dispatch-threads:4}") int dispatchThreads) {
        this.validator = validator;
        this.jobs = jobs;
        this.commands = commands;
        this.registry = registry;
        this.seasons = seasons;
        this.dispatchThreads = Math.max(1, dispatchThreads);
    }

    public record Accepted(UUID jobId, Map<String, Integer> counts) {
    }

    public Accepted start(JsonNode json, String userId) {
        CurriculumDocument document = CurriculumDocument.read(json);
        List<FieldProblem> problems = validator.check(json, document);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("import-invalid", capped(problems));
        }
        Map<String, Integer> counts = counts(document);
        ImportDispatch dispatch = new ImportDispatch(document, commands, registry, seasons, userId, dispatchThreads);
        UUID job = jobs.submit(JOB_TYPE, "Import of " + counts, dispatch::run);
        return new Accepted(job, counts);
    }

    private static List<FieldProblem> capped(List<FieldProblem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<FieldProblem> shown = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        shown.add(new FieldProblem("$", "… and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
        return shown;
    }

    private static Map<String, Integer> counts(CurriculumDocument document) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("seasons", document.seasons().size());
        for (ContentKind kind : ContentKind.values()) {
            counts.put(kind.collection(), document.nodes().get(kind).size());
        }
        counts.put("stages", document.stageCount());
        counts.put("plans", document.plans().size());
        counts.put("overrides", document.plans().stream().mapToInt(plan -> plan.overrides().size()).sum());
        return counts;
    }
}

package com.memora.command.importing;

import com.memora.command.content.ContentRegistry;
import com.memora.command.content.RegisteredNode;
import com.memora.command.content.RegistryState;
import com.memora.command.plan.SeasonDirectory;
import com.memora.kernel.content.ChangeContentNodeCommand;
import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentPatch;
import com.memora.kernel.content.CreateContentNodeCommand;
import com.memora.kernel.content.RestoreContentNodeCommand;
import com.memora.kernel.error.DomainException;
import com.memora.kernel.ops.JobProgress;
import com.memora.kernel.plan.ChangePlanCommand;
import com.memora.kernel.plan.CreatePlanCommand;
import com.memora.kernel.plan.ReplacePlanOverridesCommand;
import com.memora.kernel.plan.ReplacePlanSubjectsCommand;
import com.memora.kernel.plan.RestorePlanCommand;
import com.memora.kernel.season.CreateSeasonCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a validated document as ordinary commands, level by level (seasons, subjects, tracks, units, topics,
 * lessons, plans), so a node's parent always exists before the node; within a level, several commands at once.
 * <p>
 * Idempotent by construction: a node that does not exist is created; one that exists is changed (and moved) to
 * match the document, then restored if it is in the trash, and the aggregate turns an update that changes nothing
 * into no event at all. So a re-import of the same document adds no events, and a dispatch that stopped half-way (a crash,
 * a cancel) is finished by sending the document again.
 */
final class ImportDispatch {

    private final CurriculumDocument document;
    private final CommandGateway commands;
    private final ContentRegistry registry;
    private final SeasonDirectory seasons;
    private final String userId;
    private final int threads;
    private final AtomicLong done = new AtomicLong();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    ImportDispatch(CurriculumDocument document, CommandGateway commands, ContentRegistry registry,
                   SeasonDirectory seasons, String userId, int threads) {
        this.document = document;
        this.commands = commands;
        this.registry = registry;
        this.seasons = seasons;
        this.userId = userId;
        this.threads = threads;
    }

    /** The job's body; what it returns is the job's result. */
    Map<String, Object> run(JobProgress progress) throws Exception {
        long total = document.seasons().size() + document.nodeCount() + document.plans().size();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "content-import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (CurriculumDocument.Season season : document.seasons()) {
                step(progress, total, season.path(), () -> importSeason(season));
            }
            for (ContentKind kind : ContentKind.values()) {
                List<CurriculumDocument.Node> nodes = document.nodes().get(kind);
                Map<String, RegisteredNode> existing = registry.findAll(kind, nodes.stream()
                                                                                   .map(CurriculumDocument.Node::id)
                                                                                   .toList());
                runAll(pool, progress, total, nodes.stream()
                        .map(node -> (Runnable) () -> step(progress, total, node.path(),
                                                           () -> importNode(node, existing.get(node.id()))))
                        .toList());
            }
            runAll(pool, progress, total, document.plans().stream()
                    .map(plan -> (Runnable) () -> step(progress, total, plan.path(), () -> importPlan(plan)))
                    .toList());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> result = new LinkedHashMap<>(summary());
        if (!failures.isEmpty()) {
            throw new ImportFailedException(failures, result);
        }
        return result;
    }

    private void runAll(ExecutorService pool, JobProgress progress, long total, List<Runnable> work)
            throws Exception {
        if (progress.cancelRequested()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>(work.size());
        for (Runnable task : work) {
            running.add(pool.submit(task));
        }
        for (Future<?> future : running) {
            future.get();
        }
    }

    private interface Step {
        void run();
    }

    private void step(JobProgress progress, long total, String path, Step step) {
        if (progress.cancelRequested()) {
            return;
        }
        try {
            step.run();
        } catch (DomainException | AggregateNotFoundException e) {
            failures.add(path + ": " + e.getMessage());
        } catch (RuntimeException e) {
            failures.add(path + ": " + e);
        }
        long now = done.incrementAndGet();
        progress.update(now, total, "dispatching commands", Map.of("failures", failures.size()));
    }

    private void importSeason(CurriculumDocument.Season season) {
        if (seasons.exists(season.id())) {
            count("seasons_existing");
            return;
        }
        send(new CreateSeasonCommand(season.id(), season.title().strip(), season.startDate(), season.endDate(),
                                     season.active(), season.enableRedis(), season.autoArchive()));
        count("seasons_created");
    }

    private void importNode(CurriculumDocument.Node node, RegisteredNode existing) {
        ContentPatch fields = ContentPatch.replacingWith(node.kind(), node.fields());
        if (existing == null) {
            send(new CreateContentNodeCommand(node.kind(), node.id(), node.parentId(), fields, node.published()));
            count("created");
            return;
        }
        // changed (and moved) first, restored after: a node in the trash is restored under the parent the document
        // gives it, which the previous level has brought out of the trash, not under its old parent, which may be
        // in the trash still (a restore is refused under a trashed parent)
        send(new ChangeContentNodeCommand(node.kind(), node.id(), node.parentId(), fields, node.published()));
        count("matched");
        if (existing.state() == RegistryState.TRASHED) {
            send(new RestoreContentNodeCommand(node.kind(), node.id()));
            count("restored");
        }
    }

    private void importPlan(CurriculumDocument.Plan plan) {
        var state = registry.planState(plan.id());
        if (state.isEmpty()) {
            send(new CreatePlanCommand(plan.id(), plan.details()));
            count("plans_created");
        } else {
            if (state.get() == RegistryState.TRASHED) {
                send(new RestorePlanCommand(plan.id()));
                count("plans_restored");
            }
            send(new ChangePlanCommand(plan.id(), plan.details().title(), plan.details().seasonId(),
                                       plan.details().stream(), plan.details().grade()));
            count("plans_matched");
        }
        send(new ReplacePlanSubjectsCommand(plan.id(), plan.subjects()));
        send(new ReplacePlanOverridesCommand(plan.id(), plan.overrides()));
    }

    /** As the importing user, so the events say who made them, although the job runs on its own thread. */
    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("user_id", userId)));
    }

    private void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    private Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
              .forEach(entry -> summary.put(entry.getKey(), entry.getValue().get()));
        summary.put("failures", failures.size());
        return summary;
    }
}

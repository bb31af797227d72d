package com.memora.projection.export.health;

import com.memora.projection.export.content.PlanContent;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.files.PlanFilesBuilder;
import com.memora.projection.export.pipeline.ExportSnapshots;
import com.memora.projection.export.pipeline.PlanContentLoader;
import com.memora.projection.export.staging.LocalContentStore;
import com.memora.projection.plan.PlanView;
import com.memora.projection.plan.PlanViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The files the generator writes for every published plan (domain §11.6: "exactly what the generator writes"),
 * derived the way the pipeline derives them — each plan outside the trash read from the content read model in one
 * snapshot ({@link PlanContentLoader}) and turned into its files by the same {@link PlanFilesBuilder} — so the
 * expected set cannot drift from the generator's output (the original's list did). Only the paths are kept.
 * <p>
 * A plan whose content cannot become files (the builder refuses it, so its build fails permanently and keeps the
 * previous files, docs/export-pipeline.md) expects exactly the files it has: they are neither missing nor orphans,
 * and the report counts such plans.
 */
@Component
public class ExpectedFiles {

    private static final Logger log = LoggerFactory.getLogger(ExpectedFiles.class);

    private final PlanViewStore plans;
    private final ExportSnapshots snapshots;
    private final PlanContentLoader loader;
    private final PlanFilesBuilder builder;
    private final LocalContentStore store;
    private final Clock clock;

    public ExpectedFiles(PlanViewStore plans, ExportSnapshots snapshots, PlanContentLoader loader,
                         PlanFilesBuilder builder, LocalContentStore store, Clock clock) {
        this.plans = plans;
        this.snapshots = snapshots;
        this.loader = loader;
        this.builder = builder;
        this.store = store;
        this.clock = clock;
    }

    /** @param plansDone told the number of plans done after each plan, for progress */
    public ExpectedSet compute(IntConsumer plansDone) {
        List<String> planIds = plans.list(false, Integer.MAX_VALUE, 0).stream().map(PlanView::id).toList();
        Map<String, String> owners = new TreeMap<>();
        List<String> unbuildable = new ArrayList<>();
        int done = 0;
        for (String planId : planIds) {
            Loaded loaded = snapshots.read(() -> plans.find(planId).filter(plan -> !plan.trashed())
                                                      .map(this::load).orElse(Loaded.GONE));
            if (loaded != Loaded.GONE) { // a plan trashed or deleted since the listing expects nothing
                addPlan(planId, loaded, owners, unbuildable);
            }
            plansDone.accept(++done);
        }
        return new ExpectedSet(Collections.unmodifiableMap(owners), planIds.size(), List.copyOf(unbuildable));
    }

    public ExpectedSet compute() {
        return compute(done -> {
        });
    }

    private Loaded load(PlanView plan) {
        try {
            return new Loaded(loader.load(plan), null);
        } catch (IllegalArgumentException e) { // e.g. an unknown stage type: the build fails the same way
            return new Loaded(null, e.getMessage());
        }
    }

    private void addPlan(String planId, Loaded loaded, Map<String, String> owners, List<String> unbuildable) {
        String failure = loaded.failure();
        if (failure == null) {
            try {
                // the build number and time change only file bytes, never paths
                builder.build(loaded.content(), 1, clock.instant()).paths().forEach(path -> owners.put(path, planId));
                return;
            } catch (IllegalArgumentException e) {
                failure = e.getMessage();
            }
        }
        log.warn("Plan {} cannot be built ({}); its files on disk are taken as expected", planId, failure);
        unbuildable.add(planId);
        store.list(ExportPaths.planFolder(planId)).forEach(path -> owners.put(path, planId));
    }

    /** A plan's content as read in one snapshot, or why it cannot become files. */
    private record Loaded(PlanContent content, String failure) {

        static final Loaded GONE = new Loaded(null, null);
    }

    /**
     * @param owners      every expected path (sorted) with the plan that writes it
     * @param plans       published plans considered
     * @param unbuildable plans whose content cannot become files; their present files were taken as expected
     */
    public record ExpectedSet(Map<String, String> owners, int plans, List<String> unbuildable) {

        public int size() {
            return owners.size();
        }

        public String ownerOf(String path) {
            return owners.get(path);
        }
    }
}

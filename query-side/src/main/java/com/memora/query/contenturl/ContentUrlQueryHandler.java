package com.memora.query.contenturl;

import com.memora.kernel.contenturl.ContentUrlResponse;
import com.memora.kernel.contenturl.FetchContentUrlQuery;
import com.memora.kernel.contenturl.FetchPlanContentUrlsQuery;
import com.memora.kernel.contenturl.PlanContentUrlsResponse;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import com.memora.kernel.settings.CdnSettings;
import com.memora.projection.export.cdn.CdnPublisher;
import com.memora.projection.export.cdn.CdnStatusStore;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.OwedSummary;
import com.memora.projection.plan.PlanViewStore;
import com.memora.projection.settings.CdnSettingsStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers content URL questions from the settings row, the CDN state row and the plan's CDN debt, all read from the
 * database on every question: each changes in the transaction that changes it, so every node answers with a change
 * from the moment it is saved (O4 asks for 1 s), with no cache to invalidate.
 * <p>
 * Readiness and health are global; a plan whose own CDN copy is stale or missing (it owes the CDN something: a
 * publication not done yet, a retry wait, a dead letter, a permanent failure) is answered with local URLs and the
 * reason, so no client is sent to a 404 or to old content.
 */
@Component
class ContentUrlQueryHandler {

    private final CdnSettingsStore settings;
    private final CdnStatusStore status;
    private final PlanViewStore plans;
    private final CdnDebts debts;
    private final CdnPublisher cdn;

    ContentUrlQueryHandler(CdnSettingsStore settings, CdnStatusStore status, PlanViewStore plans, CdnDebts debts,
                           CdnPublisher cdn) {
        this.settings = settings;
        this.status = status;
        this.plans = plans;
        this.debts = debts;
        this.cdn = cdn;
    }

    @QueryHandler
    ContentUrlResponse handle(FetchContentUrlQuery query) {
        CdnSettings current = settings.current().settings();
        ContentUrlResolver.Origin global = origin(current, query.localBase());
        ContentUrlResolver.Origin origin = ContentUrlResolver.forPlan(
                global, current, query.localBase(),
                onCdn(global) ? planOf(query.path()).map(this::owedReason).orElse(null) : null);
        return new ContentUrlResponse(origin.url(query.path()), origin.source(), origin.reason());
    }

    /** A plan in the trash is not published (its files leave the tree), so it is as unknown as a missing one. */
    @QueryHandler
    PlanContentUrlsResponse handle(FetchPlanContentUrlsQuery query) {
        plans.find(query.planId()).filter(plan -> !plan.trashed())
             .orElseThrow(() -> new NotFoundException("plan", query.planId()));
        CdnSettings current = settings.current().settings();
        ContentUrlResolver.Origin global = origin(current, query.localBase());
        ContentUrlResolver.Origin origin = ContentUrlResolver.forPlan(
                global, current, query.localBase(), onCdn(global) ? owedReason(query.planId()) : null);
        return new PlanContentUrlsResponse(origin.url(ExportPaths.manifest(query.planId())),
                                           origin.url(ExportPaths.searchIndex(query.planId())), origin.source(),
                                           origin.reason());
    }

    /** Only a CDN answer depends on what the plan owes: local answers skip that query. */
    private static boolean onCdn(ContentUrlResolver.Origin global) {
        return ContentUrlResolver.CDN.equals(global.source());
    }

    private ContentUrlResolver.Origin origin(CdnSettings current, String localBase) {
        boolean configured = !current.enabled() || cdn.enabled(); // the effective switch: enabled and configured
        return ContentUrlResolver.origin(current, configured, status.current(), localBase);
    }

    /** Why the plan's CDN copy cannot be trusted, or null when the plan owes the CDN nothing. */
    private String owedReason(String planId) {
        return debts.summary(planId).map(ContentUrlQueryHandler::describe).orElse(null);
    }

    private static String describe(OwedSummary owed) {
        String plan = "the CDN copy of plan " + owed.planId() + " is not current: ";
        return switch (owed.state()) {
            case OWED -> plan + "its changes are not published to the CDN yet";
            case RETRY_WAIT -> plan + "its CDN publication failed and waits for retry " + owed.failedAttempts()
                               + " at " + owed.nextRetryAt();
            case DEAD_LETTER -> plan + "its CDN publication is dead-lettered after " + owed.failedAttempts()
                                + " attempts";
            case FAILED -> plan + "its CDN publication failed permanently (" + owed.lastError() + ")";
        };
    }

    /** {@code plans/{id}/…} names a plan; other paths (none today) follow the global decision alone. */
    private static Optional<String> planOf(String path) {
        String[] segments = path.split("/", 3);
        if (segments.length == 3 && segments[0].equals("plans") && Identifiers.isValidNodeId(segments[1])) {
            return Optional.of(segments[1]);
        }
        return Optional.empty();
    }
}

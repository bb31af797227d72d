package com.memora.query.contenturl;

import com.memora.kernel.contenturl.ContentUrlResponse;
import com.memora.kernel.contenturl.FetchContentUrlQuery;
import com.memora.kernel.contenturl.FetchPlanContentUrlsQuery;
import com.memora.kernel.contenturl.PlanContentUrlsResponse;
import com.memora.kernel.error.NotFoundException;
import com.memora.projection.export.cdn.CdnStatusStore;
import com.memora.projection.export.files.ExportPaths;
import com.memora.projection.plan.PlanViewStore;
import com.memora.projection.settings.CdnSettingsStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers content URL questions from the settings row and the CDN state row, both read from the database on every
 * question: both change in the transaction that changes them, so every node answers with a change from the moment
 * it is saved (O4 asks for 1 s), with no cache to invalidate.
 */
@Component
class ContentUrlQueryHandler {

    private final CdnSettingsStore settings;
    private final CdnStatusStore status;
    private final PlanViewStore plans;

    ContentUrlQueryHandler(CdnSettingsStore settings, CdnStatusStore status, PlanViewStore plans) {
        this.settings = settings;
        this.status = status;
        this.plans = plans;
    }

    @QueryHandler
    ContentUrlResponse handle(FetchContentUrlQuery query) {
        ContentUrlResolver.Origin origin = origin(query.localBase());
        return new ContentUrlResponse(origin.url(query.path()), origin.source());
    }

    /** A plan in the trash is not published (its files leave the tree), so it is as unknown as a missing one. */
    @QueryHandler
    PlanContentUrlsResponse handle(FetchPlanContentUrlsQuery query) {
        plans.find(query.planId()).filter(plan -> !plan.trashed())
             .orElseThrow(() -> new NotFoundException("plan", query.planId()));
        ContentUrlResolver.Origin origin = origin(query.localBase());
        return new PlanContentUrlsResponse(origin.url(ExportPaths.manifest(query.planId())),
                                           origin.url(ExportPaths.searchIndex(query.planId())), origin.source());
    }

    private ContentUrlResolver.Origin origin(String localBase) {
        return ContentUrlResolver.origin(settings.current().settings(), status.current(), localBase);
    }
}

package com.memora.query.season;

import com.memora.kernel.season.FetchSeasonQuery;
import com.memora.kernel.season.FetchSeasonsQuery;
import com.memora.kernel.season.SeasonResponse;
import com.memora.kernel.season.SeasonsResponse;
import com.memora.projection.season.SeasonView;
import com.memora.projection.season.SeasonViewStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class SeasonQueryHandler {

    private final SeasonViewStore store;

    SeasonQueryHandler(SeasonViewStore store) {
        this.store = store;
    }

    @QueryHandler
    Optional<SeasonResponse> handle(FetchSeasonQuery query) {
        return store.find(query.seasonId()).map(SeasonQueryHandler::toResponse);
    }

    @QueryHandler
    SeasonsResponse handle(FetchSeasonsQuery query) {
        return new SeasonsResponse(store.findAll().stream().map(SeasonQueryHandler::toResponse).toList());
    }

    private static SeasonResponse toResponse(SeasonView view) {
        return new SeasonResponse(view.id(), view.title(), view.startDate(), view.endDate(), view.active(),
                                  view.enableRedis(), view.autoArchive(), view.partitionCreated(), view.archived(),
                                  view.archivedAt(), view.recordsArchived());
    }
}

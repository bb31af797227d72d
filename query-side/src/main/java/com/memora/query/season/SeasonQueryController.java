package com.memora.query.season;

import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.season.FetchSeasonQuery;
import com.memora.kernel.season.FetchSeasonsQuery;
import com.memora.kernel.season.SeasonResponse;
import com.memora.kernel.season.SeasonsResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seasons are readable by every signed-in user: a player's app needs to know which season it reviews in. */
@RestController
@RequestMapping("/api/seasons")
@PreAuthorize("isAuthenticated()")
class SeasonQueryController {

    private final QueryGateway queries;

    SeasonQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    SeasonResponse season(@PathVariable("id") String id) {
        return queries.query(new FetchSeasonQuery(id), ResponseTypes.optionalInstanceOf(SeasonResponse.class))
                      .join()
                      .orElseThrow(() -> new NotFoundException("season", id));
    }

    @GetMapping
    SeasonsResponse seasons() {
        return queries.query(new FetchSeasonsQuery(), SeasonsResponse.class).join();
    }
}

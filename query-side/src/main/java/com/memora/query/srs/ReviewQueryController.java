package com.memora.query.srs;

import com.memora.kernel.id.Identifiers;
import com.memora.kernel.srs.ConsistencyToken;
import com.memora.kernel.srs.DueReviewsResponse;
import com.memora.kernel.srs.FetchDueReviewsQuery;
import com.memora.kernel.srs.ReviewRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reviews/due}: the caller's own due reviews, never another player's (the player is the token). */
@RestController
@RequestMapping("/api/reviews")
@PreAuthorize("hasRole('PLAYER')")
class ReviewQueryController {

    private final QueryGateway queries;

    ReviewQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/due")
    DueReviewsResponse due(@RequestParam(name = "season", required = false)
                           @Pattern(regexp = Identifiers.SEASON_ID_REGEX,
                                    message = "must look like SEASON-YYYY or SEASON-YYYY-SUFFIX") String season,
                           @RequestParam(name = "subject", required = false)
                           @Pattern(regexp = Identifiers.NODE_ID_REGEX, message = "must be a content id")
                           String subject,
                           @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(50) int limit,
                           @RequestHeader(name = ConsistencyToken.HEADER, required = false) String token,
                           Authentication caller) {
        ReviewRules.requirePlayerId(caller.getName());
        FetchDueReviewsQuery query = new FetchDueReviewsQuery(caller.getName(), season, subject, limit,
                                                              token == null ? null : ConsistencyToken.parse(token));
        return queries.query(query, DueReviewsResponse.class).join();
    }
}

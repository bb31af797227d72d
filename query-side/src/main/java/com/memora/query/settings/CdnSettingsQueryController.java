package com.memora.query.settings;

import com.memora.kernel.settings.CdnSettingsResponse;
import com.memora.kernel.settings.FetchCdnSettingsQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CDN settings in force, for administrators; secrets appear only as {@code *_set} flags. */
@RestController
@RequestMapping("/api/settings/cdn")
@PreAuthorize("hasRole('ADMIN')")
class CdnSettingsQueryController {

    private final QueryGateway queries;

    CdnSettingsQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    CdnSettingsResponse settings() {
        return queries.query(new FetchCdnSettingsQuery(), CdnSettingsResponse.class).join();
    }
}

package com.memora.query.contenturl;

import com.memora.kernel.contenturl.ContentUrlResponse;
import com.memora.kernel.contenturl.FetchContentUrlQuery;
import com.memora.kernel.contenturl.FetchPlanContentUrlsQuery;
import com.memora.kernel.contenturl.PlanContentUrlsResponse;
import com.memora.kernel.error.InvalidInputException;
import com.memora.kernel.id.Identifiers;
import com.memora.projection.export.staging.ContentPathRule;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of generated files, resolved at request time (decisions O4, F2: files link by relative paths; only
 * API answers carry absolute URLs). Any signed-in user: a player's app asks where to load its plan from.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class ContentUrlController {

    /** Where the local origin serves the content root ({@code LocalOriginController}). */
    static final String LOCAL_ORIGIN_PATH = "/files/memora_content/";

    private final QueryGateway queries;

    ContentUrlController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/plans/{id}/content-url")
    PlanContentUrlsResponse plan(@PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id) {
        return queries.query(new FetchPlanContentUrlsQuery(id, requestLocalBase()), PlanContentUrlsResponse.class)
                      .join();
    }

    /** {@code path}: relative, under the content tree, no traversal — the same rule the local store applies. */
    @GetMapping("/api/content-url")
    ContentUrlResponse url(@RequestParam(name = "path", required = false) String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("content-path", "path", "path is required: a relative content path"
                                                                    + " such as plans/P1/manifest.json");
        }
        ContentPathRule.problem(path).ifPresent(problem -> {
            throw new InvalidInputException("content-path", "path", "'" + path + "' is not a content path: "
                                                                    + problem);
        });
        return queries.query(new FetchContentUrlQuery(path, requestLocalBase()), ContentUrlResponse.class).join();
    }

    /**
     * The local origin as the caller reached this node. Behind a proxy, set {@code local_base_url} in the CDN
     * settings (or {@code server.forward-headers-strategy}) so clients get the public address.
     */
    private static String requestLocalBase() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(LOCAL_ORIGIN_PATH).toUriString();
    }
}

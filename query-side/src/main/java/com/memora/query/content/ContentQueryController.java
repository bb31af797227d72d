package com.memora.query.content;

import com.memora.kernel.content.ContentKind;
import com.memora.kernel.content.ContentNodeResponse;
import com.memora.kernel.content.ContentNodesResponse;
import com.memora.kernel.content.FetchContentNodeQuery;
import com.memora.kernel.content.FetchContentNodesQuery;
import com.memora.kernel.error.NotFoundException;
import com.memora.kernel.id.Identifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Content nodes as stored: one with its children's ids, or a page of one kind (optionally one parent's
 * children, or the trash). Reads the read model, which follows the commands within milliseconds.
 */
@RestController
@RequestMapping("/api/{kind:subjects|tracks|units|topics|lessons}")
@PreAuthorize("hasRole('EDITOR')")
class ContentQueryController {

    private final QueryGateway queries;

    ContentQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    ContentNodeResponse node(@PathVariable("kind") String collection,
                             @PathVariable("id") @Pattern(regexp = Identifiers.NODE_ID_REGEX) String id) {
        ContentKind kind = ContentKind.fromCollection(collection).orElseThrow();
        return queries.query(new FetchContentNodeQuery(kind, id),
                             ResponseTypes.optionalInstanceOf(ContentNodeResponse.class))
                      .join()
                      .orElseThrow(() -> new NotFoundException(kind.singular(), id));
    }

    @GetMapping
    ContentNodesResponse nodes(@PathVariable("kind") String collection,
                               @RequestParam(name = "parent", required = false)
                               @Pattern(regexp = Identifiers.NODE_ID_REGEX) String parent,
                               @RequestParam(name = "trashed", defaultValue = "false") boolean trashed,
                               @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit,
                               @RequestParam(name = "offset", defaultValue = "0") @Min(0) int offset) {
        ContentKind kind = ContentKind.fromCollection(collection).orElseThrow();
        return queries.query(new FetchContentNodesQuery(kind, parent, trashed, limit, offset),
                             ContentNodesResponse.class).join();
    }
}

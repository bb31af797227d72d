package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.memora.kernel.access.AccessBlock;
import com.memora.projection.export.content.NodeDetails;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The pieces several file kinds share. */
final class JsonBlocks {

    /** UTC with an explicit offset, to the second: {@code 2026-01-25T10:00:00+00:00} (decisions F5). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private JsonBlocks() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The {@code access} object of domain §4; exported nodes are always published (D3). */
    static ObjectNode access(AccessBlock block) {
        ObjectNode access = ExportJson.object();
        access.put("is_published", true);
        access.put("access_level", block.level().wireName());
        if (block.requiredItem() != null) {
            access.put("required_item", block.requiredItem());
        }
        if (block.isTrackBlock()) {
            access.put("is_sold_separately", block.soldSeparately());
            access.put("parent_item_required", block.parentItemRequired());
        }
        return access;
    }

    /** {@code id}, the effective {@code title}, and the optional {@code description} and {@code image}. */
    static ObjectNode header(NodeDetails details, String title) {
        ObjectNode node = ExportJson.object();
        node.put("id", details.id());
        node.put("title", title);
        putIfPresent(node, "description", details.description());
        putIfPresent(node, "image", details.image());
        return node;
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}

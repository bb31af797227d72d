package com.memora.projection.export.publication;

import com.memora.projection.export.cdn.ParityReport;

import java.util.Optional;

/** Port: the latest parity check, shared by every node ({@code GET /api/admin/export/parity}). */
public interface ParityChecks {

    /**
     * @param trigger {@code OPERATOR} (the admin endpoint) or {@code READINESS} (the check that makes the CDN ready)
     * @param target  the endpoint and bucket compared
     */
    record Stored(ParityReport report, String trigger, String target) {
    }

    void save(ParityReport report, String trigger, String target);

    Optional<Stored> last();
}

package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;

/**
 * When a lesson file must be written again only because of its signed video links (decisions F7). The meaning hash
 * ignores signatures and {@code signed_url_expiry} (F5), so on meaning alone a lesson would keep links signed in an
 * earlier window until they die. A fresh build signs in the current fixed window; its links expire later than the
 * ones on disk exactly when the window has moved on since they were signed, i.e. once per half-lifetime
 * ({@code SigningWindow}). Then the file is rewritten (and so uploaded and purged) with the fresh links.
 * <p>
 * Also rewritten: a lesson that gains signed links (the CDN's credentials arrived after it was written) or loses
 * them (signing no longer possible: the stored links would die unnoticed). A fresh expiry earlier than the stored
 * one (the lifetime setting was shortened) does not rewrite: the stored links still work longer.
 */
public final class SignedLinkRenewal {

    private SignedLinkRenewal() {
    }

    /** @param previous the lesson file on disk, parsed */
    public static boolean due(GeneratedFile fresh, JsonNode previous) {
        if (fresh.kind() != FileKind.LESSON) {
            return false;
        }
        Instant freshExpiry = expiryOf(fresh.json());
        Instant previousExpiry = expiryOf(previous);
        if (Objects.equals(freshExpiry, previousExpiry)) {
            return false;
        }
        return freshExpiry == null || previousExpiry == null || freshExpiry.isAfter(previousExpiry);
    }

    /** The {@code signed_url_expiry} of a lesson file's JSON, or null when it has no signed link. */
    public static Instant expiryOf(JsonNode lesson) {
        JsonNode expiry = lesson.get("signed_url_expiry");
        if (expiry == null || !expiry.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(expiry.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The earliest link expiry among a plan's files, or null when none carries a signed link. */
    public static Instant earliestExpiry(Collection<GeneratedFile> files) {
        Instant earliest = null;
        for (GeneratedFile file : files) {
            if (file.kind() == FileKind.LESSON) {
                Instant expiry = expiryOf(file.json());
                if (expiry != null && (earliest == null || expiry.isBefore(earliest))) {
                    earliest = expiry;
                }
            }
        }
        return earliest;
    }
}

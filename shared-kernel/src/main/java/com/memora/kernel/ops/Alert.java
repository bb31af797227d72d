package com.memora.kernel.ops;

import java.util.Objects;

/**
 * Something an administrator must know about: low disk, a dead-lettered plan, Safe Mode, a failed partition.
 *
 * @param kind      a stable category, e.g. {@code low-disk}, {@code export-dead-letter}
 * @param dedupKey    alerts with the same key that arrive while an earlier one is still recent are counted on the
 *                    earlier one instead of being sent again (no storm); usually {@code kind + ":" + subject id}
 * @param mailSubject the subject line of its mail; the domain text names some (§10, §11.6), the rest read
 *                    {@code [Memora] SEVERITY kind: subject}
 */
public record Alert(String kind, AlertSeverity severity, String subject, String message, String dedupKey,
                    String mailSubject) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        dedupKey = dedupKey == null ? kind + ":" + subject : dedupKey;
        mailSubject = mailSubject == null ? "[Memora] " + severity + " " + kind + ": " + subject : mailSubject;
    }

    public Alert(String kind, AlertSeverity severity, String subject, String message, String dedupKey) {
        this(kind, severity, subject, message, dedupKey, null);
    }

    /** The same alert, mailed under this subject line. */
    public Alert withMailSubject(String subjectLine) {
        return new Alert(kind, severity, subject, message, dedupKey, subjectLine);
    }

    public static Alert of(String kind, AlertSeverity severity, String subject, String message) {
        return new Alert(kind, severity, subject, message, null);
    }
}

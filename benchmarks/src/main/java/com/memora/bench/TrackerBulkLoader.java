package com.memora.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The benchmark's data generator: writes review tracker rows straight into a season's partition with PostgreSQL's
 * COPY, bypassing commands, events and projections (10 M rows through the API would take hours and measure the
 * projections, not the reads). The rows look like the tracker projection's: players {@code bench-p{n}}, questions
 * {@code Q0000}…, a subject of 10 and a topic of 50, FSRS states with plausible numbers, and {@code dueShare} of
 * the questions due in the past 10 days (the rest within 60 days). {@code last_sequence} is -1 (no event wrote
 * them) and no progress row exists, so the projection may still overwrite them. Not part of the test suite.
 * <p>
 * To load fast it swaps the season's (empty) partition for a table without indexes, copies into it, and attaches
 * it again: PostgreSQL then builds the partition's indexes in one sorted pass instead of row by row.
 */
final class TrackerBulkLoader {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX")
                                                                        .withZone(ZoneOffset.UTC);
    private static final String[] STATES = {"Learning", "Review", "Review", "Review", "Relearning"};

    private TrackerBulkLoader() {
    }

    static String player(int n) {
        return "bench-p" + n;
    }

    static String question(int n) {
        return String.format("Q%04d", n);
    }

    /** @return rows written */
    static long load(DataSource dataSource, String partition, String season, int players, int questions,
                     double dueShare, Instant now) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("alter table srs_tracker detach partition " + partition);
                statement.execute("drop table " + partition);
                statement.execute("create table " + partition + " (like srs_tracker including defaults "
                                  + "including constraints)");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy " + partition + " (player, season, question_id, subject, topic, state, stability, "
                    + "difficulty, due, last_review, reps, lapses, learning_step, scheduled_days, last_sequence) "
                    + "from stdin (format csv)");
            StringBuilder chunk = new StringBuilder(1 << 21);
            for (int p = 0; p < players; p++) {
                String player = player(p);
                for (int q = 0; q < questions; q++) {
                    boolean due = random.nextDouble() < dueShare;
                    Instant dueAt = due ? now.minusSeconds(random.nextLong(Duration.ofDays(10).toSeconds()))
                                        : now.plusSeconds(60 + random.nextLong(Duration.ofDays(60).toSeconds()));
                    int scheduledDays = 1 + random.nextInt(60);
                    chunk.append(player).append(',').append(season).append(',').append(question(q)).append(',')
                         .append("SUBJ").append(q % 10).append(',').append("TOPIC").append(q % 50).append(',')
                         .append(STATES[random.nextInt(STATES.length)]).append(',')
                         .append(1 + random.nextDouble() * 99).append(',').append(1 + random.nextDouble() * 9)
                         .append(',').append(TIMESTAMP.format(dueAt)).append(',')
                         .append(TIMESTAMP.format(dueAt.minus(Duration.ofDays(scheduledDays)))).append(',')
                         .append(1 + random.nextInt(20)).append(',').append(random.nextInt(3)).append(",0,")
                         .append(scheduledDays).append(",-1\n");
                    rows++;
                }
                if (chunk.length() > (1 << 20)) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            copy.endCopy();
            try (var statement = connection.createStatement()) {
                statement.execute("alter table srs_tracker attach partition " + partition + " for values in ('"
                                  + season + "')");
            }
        }
        return rows;
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}

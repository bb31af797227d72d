package com.memora.infra.persistence.srs;

import com.memora.kernel.srs.ReviewedQuestion;
import com.memora.kernel.srs.CardStateNames;
import com.memora.projection.srs.SeasonTrackerArchivedException;
import com.memora.projection.srs.TrackedCard;
import com.memora.projection.srs.TrackerStore;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review tracker in PostgreSQL ({@code V5_1__srs_tracker.sql}). A submission is one statement: its questions
 * travel as arrays and are upserted with the player's progress row, in a savepoint of the processor's batch
 * transaction, so that a failing event can be parked without spoiling the rest of the batch.
 */
@Repository
class JdbcTrackerStore implements TrackerStore {

    /** "no partition of relation srs_tracker found for row": the season's partition was dropped meanwhile. */
    private static final String NO_PARTITION = "23514";

    private static final RowMapper<TrackedCard> CARD = (rs, row) -> new TrackedCard(
            rs.getString("question_id"),
            rs.getString("subject"),
            rs.getString("topic"),
            CardStateNames.parse(rs.getString("state")),
            rs.getDouble("stability"),
            rs.getDouble("difficulty"),
            rs.getObject("due", OffsetDateTime.class).toInstant(),
            instant(rs.getObject("last_review", OffsetDateTime.class)),
            rs.getInt("reps"),
            rs.getInt("lapses"));

    private static final String CARD_COLUMNS =
            "question_id, subject, topic, state, stability, difficulty, due, last_review, reps, lapses";

    private final JdbcClient jdbc;
    private final JdbcTrackerPartitions partitions;
    private final TransactionTemplate savepoint;

    JdbcTrackerStore(JdbcClient jdbc, JdbcTrackerPartitions partitions, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void apply(String playerId, String seasonId, long sequence, Collection<ReviewedQuestion> questions) {
        try {
            savepoint.executeWithoutResult(status -> upsert(playerId, seasonId, sequence, questions));
        } catch (DataAccessException e) {
            if (partitions.trackerArchived(seasonId)) {
                // archived while this write waited for the partition: skipped, the partition stays dropped
                partitions.forget(seasonId);
                throw new SeasonTrackerArchivedException(seasonId);
            }
            if (!(NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql)
                || !NO_PARTITION.equals(sql.getSQLState())) {
                throw e;
            }
            partitions.forget(seasonId);
            partitions.ensure(seasonId);
            savepoint.executeWithoutResult(status -> upsert(playerId, seasonId, sequence, questions));
        }
    }

    private void upsert(String playerId, String seasonId, long sequence, Collection<ReviewedQuestion> questions) {
        int size = questions.size();
        String[] ids = new String[size];
        String[] subjects = new String[size];
        String[] topics = new String[size];
        String[] states = new String[size];
        double[] stabilities = new double[size];
        double[] difficulties = new double[size];
        long[] dues = new long[size];
        Long[] lastReviews = new Long[size];
        int[] reps = new int[size];
        int[] lapses = new int[size];
        int[] learningSteps = new int[size];
        int[] scheduledDays = new int[size];
        int i = 0;
        for (ReviewedQuestion question : questions) {
            ids[i] = question.questionId();
            subjects[i] = question.subject();
            topics[i] = question.topic();
            states[i] = CardStateNames.of(question.state());
            stabilities[i] = question.stability();
            difficulties[i] = question.difficulty();
            dues[i] = question.due().getEpochSecond();
            lastReviews[i] = question.lastReview() == null ? null : question.lastReview().getEpochSecond();
            reps[i] = question.reps();
            lapses[i] = question.lapses();
            learningSteps[i] = question.learningStep();
            scheduledDays[i] = question.scheduledDays();
            i++;
        }
        jdbc.sql("""
                 with answered as (
                     select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[],
                                          ?::float8[], ?::int8[], ?::int8[], ?::int4[], ?::int4[], ?::int4[],
                                          ?::int4[])
                         as a(question_id, subject, topic, state, stability, difficulty, due, last_review, reps,
                              lapses, learning_step, scheduled_days)
                 ), written as (
                     insert into srs_tracker (player, season, question_id, subject, topic, state, stability,
                                              difficulty, due, last_review, reps, lapses, learning_step,
                                              scheduled_days, last_sequence)
                     select ?, ?, question_id, subject, topic, state, stability, difficulty, to_timestamp(due),
                            to_timestamp(last_review), reps, lapses, learning_step, scheduled_days, ?
                     from answered
                     on conflict (player, season, question_id) do update set
                         subject = excluded.subject, topic = excluded.topic, state = excluded.state,
                         stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                         last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses,
                         learning_step = excluded.learning_step, scheduled_days = excluded.scheduled_days,
                         last_sequence = excluded.last_sequence
                     where srs_tracker.last_sequence < excluded.last_sequence
                 )
                 insert into srs_tracker_progress (player, season, last_sequence) values (?, ?, ?)
                 on conflict (player, season) do update
                 set last_sequence = greatest(srs_tracker_progress.last_sequence, excluded.last_sequence)
                 """)
            .params(ids, subjects, topics, states, stabilities, difficulties, dues, lastReviews, reps, lapses,
                    learningSteps, scheduledDays, playerId, seasonId, sequence, playerId, seasonId, sequence)
            .update();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("truncate srs_tracker, srs_tracker_progress").update();
    }

    @Override
    public long appliedSequence(String playerId, String seasonId) {
        return jdbc.sql("select last_sequence from srs_tracker_progress where player = ? and season = ?")
                   .params(playerId, seasonId).query(Long.class).optional().orElse(-1L);
    }

    @Override
    public List<TrackedCard> due(String playerId, String seasonId, Instant now, String subjectOrNull, int limit) {
        return jdbc.sql("select " + CARD_COLUMNS + " from srs_tracker"
                        + " where player = ? and season = ? and due <= ?"
                        + (subjectOrNull == null ? "" : " and subject = ?")
                        + " order by due, question_id limit ?")
                   .params(subjectOrNull == null ? List.of(playerId, seasonId, at(now), limit)
                                                 : List.of(playerId, seasonId, at(now), subjectOrNull, limit))
                   .query(CARD).list();
    }

    @Override
    public long countDue(String playerId, String seasonId, Instant now, String subjectOrNull) {
        return jdbc.sql("select count(*) from srs_tracker where player = ? and season = ? and due <= ?"
                        + (subjectOrNull == null ? "" : " and subject = ?"))
                   .params(subjectOrNull == null ? List.of(playerId, seasonId, at(now))
                                                 : List.of(playerId, seasonId, at(now), subjectOrNull))
                   .query(Long.class).single();
    }

    @Override
    public long countDueAmong(String playerId, String seasonId, Instant now, String subjectOrNull,
                              Collection<String> questionIds) {
        if (questionIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from srs_tracker where player = ? and season = ? and due <= ?"
                        + " and question_id = any(?)" + (subjectOrNull == null ? "" : " and subject = ?"))
                   .params(subjectOrNull == null
                           ? List.of(playerId, seasonId, at(now), questionIds.toArray(String[]::new))
                           : List.of(playerId, seasonId, at(now), questionIds.toArray(String[]::new),
                                     subjectOrNull))
                   .query(Long.class).single();
    }

    @Override
    public Map<String, TrackedCard> find(String playerId, String seasonId, Collection<String> questionIds) {
        Map<String, TrackedCard> cards = new LinkedHashMap<>();
        if (questionIds.isEmpty()) {
            return cards;
        }
        jdbc.sql("select " + CARD_COLUMNS + " from srs_tracker where player = ? and season = ?"
                 + " and question_id = any(?)")
            .params(playerId, seasonId, questionIds.toArray(String[]::new))
            .query(CARD).list()
            .forEach(card -> cards.put(card.questionId(), card));
        return cards;
    }

    /** The sequence is read first: rows read after it may be newer, never older, so a queue is never ahead. */
    @Override
    public QueueContent queueContent(String playerId, String seasonId) {
        long sequence = appliedSequence(playerId, seasonId);
        Map<String, Instant> dues = new LinkedHashMap<>();
        jdbc.sql("select question_id, due from srs_tracker where player = ? and season = ?")
            .params(playerId, seasonId)
            .query(rs -> {
                dues.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
            });
        return new QueueContent(sequence, dues);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

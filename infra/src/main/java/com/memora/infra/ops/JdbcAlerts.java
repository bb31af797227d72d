package com.memora.infra.ops;

import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import com.memora.kernel.ops.Notification;
import com.memora.kernel.ops.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The in-app notification store, and the fan-out of alerts to the other channels. An alert opens an episode under
 * its de-duplication key; a repeat while the episode is open only raises its count, except that once per window
 * (counted from the episode's first raise) it is sent again as a reminder. The episode ends when its condition is
 * resolved, or when the alert has been quiet for a whole window; the next alert with the key is sent at once.
 */
@Component
class JdbcAlerts implements Alerts, Notifications {

    private static final Logger log = LoggerFactory.getLogger(JdbcAlerts.class);

    private static final RowMapper<Notification> ROW = (rs, row) -> new Notification(
            rs.getLong("id"),
            rs.getString("kind"),
            AlertSeverity.valueOf(rs.getString("severity")),
            rs.getString("subject"),
            rs.getString("message"),
            rs.getInt("occurrences"),
            rs.getObject("first_raised_at", OffsetDateTime.class).toInstant(),
            rs.getObject("last_raised_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("resolved_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                    .orElse(null));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertProperties properties;
    private final List<AlertChannel> channels;

    JdbcAlerts(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AlertProperties properties,
               List<AlertChannel> channels) {
        this.jdbc = jdbc;
        // its own transaction: an alert is a fact about a failure, kept even when the caller's work then rolls back
        // (a projection handler that raises one and throws, undone to its savepoint)
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.properties = properties;
        this.channels = channels;
    }

    @Override
    public void raise(Alert alert) {
        log.warn("ALERT [{}] {}: {}", alert.kind(), alert.subject(), alert.message());
        AlertEpisode toSend;
        try {
            toSend = transactions.execute(status -> store(alert));
        } catch (RuntimeException e) {
            log.error("Could not store alert {}: {}", alert.dedupKey(), e.toString());
            toSend = new AlertEpisode(clock.instant(), 1);
        }
        if (toSend != null) {
            AlertEpisode episode = toSend;
            channels.forEach(channel -> deliver(channel, alert, episode));
        }
    }

    @Override
    public boolean resolve(String dedupKey) {
        try {
            int closed = transactions.execute(status -> {
                lockKey(dedupKey);
                return jdbc.sql("update notification set resolved_at = :now where dedup_key = :key"
                                + " and resolved_at is null")
                           .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                           .param("key", dedupKey)
                           .update();
            });
            if (closed > 0) {
                log.info("Alert {} resolved: its next occurrence is sent again", dedupKey);
            }
            return closed > 0;
        } catch (RuntimeException e) {
            log.error("Could not resolve alert {}: {}", dedupKey, e.toString());
            return false;
        }
    }

    /**
     * Stores the alert on its open episode, or opens one.
     *
     * @return the episode to send the alert for — a new one, or a reminder once a whole window has passed since the
     *         episode's last mail — or null when it is only counted
     */
    private AlertEpisode store(Alert alert) {
        Instant nowInstant = clock.instant();
        OffsetDateTime now = nowInstant.atOffset(ZoneOffset.UTC);
        OffsetDateTime windowStart = now.minus(properties.dedupWindow());
        lockKey(alert.dedupKey());
        Optional<OpenEpisode> open = jdbc.sql("""
                                              select id, first_raised_at, last_raised_at, last_mailed_at, occurrences
                                              from notification where dedup_key = :key and resolved_at is null
                                              order by id desc limit 1
                                              """)
                                         .param("key", alert.dedupKey())
                                         .query(OPEN_EPISODE)
                                         .optional();
        if (open.isPresent() && open.get().lastRaisedAt().isAfter(windowStart)) {
            OpenEpisode episode = open.get();
            // the window counts from the episode's first raise: reminders at first + 1 window, + 2 windows, ...
            boolean remind = !episode.lastMailedAt().isAfter(windowStart);
            jdbc.sql("""
                     update notification set occurrences = occurrences + 1, last_raised_at = :now,
                                             message = :message, severity = :severity,
                                             last_mailed_at = case when :remind then :now else last_mailed_at end
                     where id = :id
                     """)
                .param("now", now)
                .param("message", alert.message())
                .param("severity", alert.severity().name())
                .param("remind", remind)
                .param("id", episode.id())
                .update();
            return remind ? new AlertEpisode(episode.firstRaisedAt(), episode.occurrences() + 1) : null;
        }
        // quiet for a whole window although nobody resolved it: that episode is over, this one is news
        open.ifPresent(stale -> jdbc.sql("update notification set resolved_at = :now where id = :id")
                                    .param("now", now).param("id", stale.id()).update());
        jdbc.sql("""
                 insert into notification (kind, severity, subject, message, dedup_key, occurrences,
                                           first_raised_at, last_raised_at, last_mailed_at)
                 values (:kind, :severity, :subject, :message, :key, 1, :now, :now, :now)
                 """)
            .param("kind", alert.kind())
            .param("severity", alert.severity().name())
            .param("subject", alert.subject())
            .param("message", alert.message())
            .param("key", alert.dedupKey())
            .param("now", now)
            .update();
        return new AlertEpisode(nowInstant, 1);
    }

    /** One writer per key at a time, so two nodes raising the same alert store it once. */
    private void lockKey(String dedupKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(dedupKey).query().singleRow();
    }

    private static void deliver(AlertChannel channel, Alert alert, AlertEpisode episode) {
        try {
            channel.deliver(alert, episode);
        } catch (RuntimeException e) {
            log.error("Alert channel {} failed for {}: {}", channel.getClass().getSimpleName(), alert.dedupKey(),
                      e.toString());
        }
    }

    private record OpenEpisode(long id, Instant firstRaisedAt, OffsetDateTime lastRaisedAt,
                               OffsetDateTime lastMailedAt, int occurrences) {
    }

    private static final RowMapper<OpenEpisode> OPEN_EPISODE = (rs, row) -> new OpenEpisode(
            rs.getLong("id"),
            rs.getObject("first_raised_at", OffsetDateTime.class).toInstant(),
            rs.getObject("last_raised_at", OffsetDateTime.class),
            rs.getObject("last_mailed_at", OffsetDateTime.class),
            rs.getInt("occurrences"));

    @Override
    public List<Notification> recent(String kindOrNull, int limit) {
        return jdbc.sql("""
                        select * from notification where (cast(:kind as varchar) is null or kind = :kind)
                        order by last_raised_at desc, id desc limit :limit
                        """)
                   .param("kind", kindOrNull)
                   .param("limit", limit)
                   .query(ROW)
                   .list();
    }
}

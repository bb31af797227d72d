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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The in-app notification store, and the fan-out of new alerts to the other channels. A repeat of a recent alert
 * (same de-duplication key within the window) only raises the stored alert's count.
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
            rs.getObject("last_raised_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertProperties properties;
    private final List<AlertChannel> channels;

    JdbcAlerts(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, AlertProperties properties,
               List<AlertChannel> channels) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.channels = channels;
    }

    @Override
    public void raise(Alert alert) {
        log.warn("ALERT [{}] {}: {}", alert.kind(), alert.subject(), alert.message());
        boolean isNew;
        try {
            isNew = Boolean.TRUE.equals(transactions.execute(status -> store(alert)));
        } catch (RuntimeException e) {
            log.error("Could not store alert {}: {}", alert.dedupKey(), e.toString());
            isNew = true;
        }
        if (isNew) {
            channels.forEach(channel -> deliver(channel, alert));
        }
    }

    /** @return true when this is a new alert, false when it only repeated a recent one */
    private boolean store(Alert alert) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        // one writer per key at a time, so two nodes raising the same alert store it once
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(alert.dedupKey()).query().singleRow();
        int repeated = jdbc.sql("""
                                update notification set occurrences = occurrences + 1, last_raised_at = :now,
                                                        message = :message, severity = :severity
                                where id = (select id from notification
                                            where dedup_key = :key and last_raised_at > :since
                                            order by last_raised_at desc limit 1)
                                """)
                           .param("now", now)
                           .param("message", alert.message())
                           .param("severity", alert.severity().name())
                           .param("key", alert.dedupKey())
                           .param("since", now.minus(properties.dedupWindow()))
                           .update();
        if (repeated > 0) {
            return false;
        }
        jdbc.sql("""
                 insert into notification (kind, severity, subject, message, dedup_key, occurrences,
                                           first_raised_at, last_raised_at)
                 values (:kind, :severity, :subject, :message, :key, 1, :now, :now)
                 """)
            .param("kind", alert.kind())
            .param("severity", alert.severity().name())
            .param("subject", alert.subject())
            .param("message", alert.message())
            .param("key", alert.dedupKey())
            .param("now", now)
            .update();
        return true;
    }

    private static void deliver(AlertChannel channel, Alert alert) {
        try {
            channel.deliver(alert);
        } catch (RuntimeException e) {
            log.error("Alert channel {} failed for {}: {}", channel.getClass().getSimpleName(), alert.dedupKey(),
                      e.toString());
        }
    }

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

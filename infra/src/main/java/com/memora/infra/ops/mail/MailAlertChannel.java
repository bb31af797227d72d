package com.memora.infra.ops.mail;

import com.memora.infra.ops.AlertChannel;
import com.memora.infra.ops.AlertEpisode;
import com.memora.kernel.ops.Alert;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends each new alert and each reminder (repeats are already folded into the stored one, so there is no storm) to
 * the configured administrators through Spring Mail. Sending happens off the caller's thread — the caller is usually handling a
 * failure and must not wait for an SMTP server — and is retried with back-off by Resilience4j; a mail that still
 * cannot be sent is logged, the in-app notification stays.
 */
public class MailAlertChannel implements AlertChannel, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailAlertChannel.class);

    private final JavaMailSender mailSender;
    private final AlertMailProperties properties;
    private final Clock clock;
    private final Retry retry;
    private final ThreadPoolExecutor sender;

    public MailAlertChannel(JavaMailSender mailSender, AlertMailProperties properties, Clock clock) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.retry = Retry.of("alert-mail", RetryConfig.custom()
                .maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2))
                .retryExceptions(MailException.class)
                .build());
        // one sender thread; a flood of distinct alerts beyond 1,000 waiting mails is dropped (and logged)
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), runnable -> {
            Thread thread = new Thread(runnable, "alert-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void deliver(Alert alert, AlertEpisode episode) {
        if (properties.recipients().isEmpty()) {
            return;
        }
        SimpleMailMessage message = compose(alert, episode);
        try {
            sender.execute(() -> send(message, alert));
        } catch (RejectedExecutionException e) {
            log.error("Alert mail queue is full; not mailing {}", alert.dedupKey());
        }
    }

    SimpleMailMessage compose(Alert alert, AlertEpisode episode) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(properties.recipients().toArray(String[]::new));
        message.setSubject(alert.mailSubject());
        StringBuilder body = new StringBuilder();
        if (episode.isReminder()) {
            body.append("Reminder: this condition still lasts. First reported at ").append(episode.firstRaisedAt())
                .append(" (UTC), reported ").append(episode.occurrences()).append(" times so far.\n\n");
        }
        body.append(alert.message()).append("\n\n")
                .append("Kind: ").append(alert.kind()).append('\n')
                .append("Concerns: ").append(alert.subject()).append('\n')
                .append("Severity: ").append(alert.severity()).append('\n')
                .append("Raised at: ").append(clock.instant()).append(" (UTC)\n")
                .append("\nRepeats of this alert are counted in the in-app notifications"
                        + " (GET /api/admin/notifications); while the condition lasts a reminder is mailed once per"
                        + " de-duplication window, and once it is over the next occurrence is mailed at once.\n");
        if (properties.dashboardUrl() != null && !properties.dashboardUrl().isBlank()) {
            body.append("Dashboard: ").append(properties.dashboardUrl()).append('\n');
        }
        message.setText(body.toString());
        return message;
    }

    private void send(SimpleMailMessage message, Alert alert) {
        try {
            retry.executeRunnable(() -> mailSender.send(message));
        } catch (RuntimeException e) {
            log.error("Could not mail alert {} to {}: {}", alert.dedupKey(), properties.recipients(), e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}

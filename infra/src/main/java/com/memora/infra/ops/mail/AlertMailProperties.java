package com.memora.infra.ops.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who receives alerts by mail. The SMTP server itself is Spring's {@code spring.mail.*}; without
 * {@code spring.mail.host} alerts stay in the in-app list only.
 *
 * @param recipients the administrators' addresses
 * @param from       the sender address of alert mail
 * @param dashboardUrl where the operator dashboard lives, linked from every alert mail (optional)
 */
@ConfigurationProperties("memora.alerts.mail")
public record AlertMailProperties(List<String> recipients, String from, String dashboardUrl) {

    public AlertMailProperties {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        from = from == null || from.isBlank() ? "memora-alerts@localhost" : from;
    }
}

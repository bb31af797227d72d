package com.memora.infra.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param dedupWindow an alert with the same key as one raised within this window only counts as a repeat of it:
 *                    stored once, sent once (no storm)
 */
@ConfigurationProperties("memora.alerts")
public record AlertProperties(Duration dedupWindow) {

    public AlertProperties {
        dedupWindow = dedupWindow == null ? Duration.ofHours(1) : dedupWindow;
    }
}

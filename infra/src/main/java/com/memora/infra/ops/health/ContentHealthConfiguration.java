package com.memora.infra.ops.health;

import com.memora.projection.export.health.ContentHealthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health checks' settings as the projections module sees them (business hours, sample, list limit). */
@Configuration(proxyBeanMethods = false)
class ContentHealthConfiguration {

    @Bean
    ContentHealthSettings contentHealthSettings(ContentHealthProperties properties) {
        return properties.settings();
    }
}

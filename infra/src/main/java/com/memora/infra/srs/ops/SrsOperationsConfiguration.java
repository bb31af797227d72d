package com.memora.infra.srs.ops;

import com.memora.projection.srs.ops.SrsOperationsSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SrsOperationsConfiguration {

    @Bean
    SrsOperationsSettings srsOperationsSettings(SrsOperationsProperties properties) {
        return properties.settings();
    }
}

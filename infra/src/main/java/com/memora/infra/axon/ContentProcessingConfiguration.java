package com.memora.infra.axon;

import com.memora.projection.content.ContentNodeProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The content read model is one ordered stream (decisions R1): one segment ({@code application.yml}) and one
 * sequence. The sequence matters when an event fails: a move rewrites rows of other aggregates' nodes, and the
 * plan export adds its marks to this group, so a parked event must hold back every later content event instead of
 * letting them overtake it (they queue behind it in the dead-letter queue and are retried in order).
 */
@Configuration(proxyBeanMethods = false)
public class ContentProcessingConfiguration {

    @Bean
    ConfigurerModule contentProcessingInOneSequence() {
        return configurer -> configurer.eventProcessing()
                                       .registerSequencingPolicy(ContentNodeProjection.PROCESSING_GROUP,
                                                                 config -> new SequentialPolicy());
    }
}

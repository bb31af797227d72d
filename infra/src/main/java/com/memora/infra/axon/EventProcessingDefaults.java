package com.memora.infra.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import com.memora.infra.axon.deadletter.AlertingDeadLetterQueues;
import com.memora.infra.axon.deadletter.ParkedEventAlerts;
import com.memora.infra.axon.deadletter.ParkedEvents;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every projection processes events unless its {@code axon.eventhandling.processors.<group>} entry says
 * otherwise:
 * <ul>
 *     <li>pooled streaming processors (replayable, split into segments across threads and nodes);</li>
 *     <li>an event-handler error is never logged and skipped: the failing event (and the later events of the same
 *     sequence) is parked in the group's dead-letter queue in PostgreSQL while other sequences go on, and the
 *     parked ones are retried ({@code DeadLetterRetrier}); where no queue applies, the error propagates and the
 *     processor retries the batch. Parking raises the group's alert ({@code ParkedEventAlerts}) and each letter
 *     counts its failed retries (diagnostics {@code retries}); {@code GET /api/admin/dead-letters} lists them.</li>
 *     <li>a group configured as a subscribing processor has no dead-letter queue: its handlers run inside the unit
 *     of work of the command that applied the events, and an error there must fail that command, not be parked
 *     (the season registry relies on it).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingDefaults {

    /** Runs after Axon's own modules so its per-property dead-letter provider does not replace ours. */
    private static final int AFTER_AXON_MODULES = 100;

    @Bean
    ConfigurerModule memoraEventProcessingDefaults(AxonProcessingProperties properties,
                                                   ConnectionProvider connectionProvider,
                                                   TransactionManager transactionManager,
                                                   DeadLetterSchema deadLetterSchema,
                                                   Serializer genericSerializer,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   EventProcessorProperties processorProperties,
                                                   ParkedEventAlerts parkedEventAlerts) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing()
                          .usingPooledStreamingEventProcessors(
                                  (config, builder) -> builder.initialSegmentCount(properties.defaultSegments())
                                                              .batchSize(properties.batchSize()))
                          .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                          .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance())
                          .registerDeadLetterQueueProvider(
                                  group -> isSubscribing(processorProperties, group) ? null
                                          : config -> AlertingDeadLetterQueues.alerting(
                                                  group,
                                                  JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                                          .processingGroup(group)
                                                          .connectionProvider(connectionProvider)
                                                          .transactionManager(transactionManager)
                                                          .schema(deadLetterSchema)
                                                          .genericSerializer(genericSerializer)
                                                          .eventSerializer(eventSerializer)
                                                          .build(),
                                                  parkedEventAlerts))
                          // every failure parks (as Axon's default policy does), counting failed retries
                          .registerDefaultDeadLetterPolicy(
                                  config -> (letter, cause) -> Decisions.enqueue(cause,
                                                                                 ParkedEvents::countingRetries));
            }

            @Override
            public int order() {
                return AFTER_AXON_MODULES;
            }
        };
    }

    private static boolean isSubscribing(EventProcessorProperties properties, String group) {
        EventProcessorProperties.ProcessorSettings settings = properties.getProcessors().get(group);
        return settings != null && settings.getMode() == EventProcessorProperties.Mode.SUBSCRIBING;
    }
}

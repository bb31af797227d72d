package com.memora.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * The command gateway: it records who sent a command ({@code user_id} metadata, copied onto the resulting events
 * for audit) and retries commands that lost a concurrency race, so a client never sees a 409 for a conflict that
 * a second attempt resolves (decisions S3).
 */
@Configuration(proxyBeanMethods = false)
public class CommandDispatchConfiguration {

    static final String USER_ID = "user_id";

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                                    .commandBus(commandBus)
                                    .retryScheduler(new ConcurrencyRetryScheduler(commandRetryExecutor, 8, 20))
                                    .dispatchInterceptors(List.of(new UserIdInterceptor()))
                                    .build();
    }

    /** Declared here because any provider bean replaces Axon's default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider userIdCorrelation() {
        return new SimpleCorrelationDataProvider(USER_ID);
    }

    private static final class UserIdInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, message) -> {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication == null || message.getMetaData().containsKey(USER_ID)) {
                    return message;
                }
                return message.andMetaData(Map.of(USER_ID, authentication.getName()));
            };
        }
    }
}

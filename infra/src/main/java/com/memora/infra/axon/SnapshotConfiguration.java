package com.memora.infra.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

import org.springframework.beans.factory.DisposableBean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Axon's snapshotter, as its auto-configuration builds it but taking snapshots on a background thread after the
 * command's commit: by default it would read and serialize the aggregate on the request thread, adding that to
 * every Nth command's latency. A snapshot is only a shortcut for loading, so one that is skipped because the queue
 * is full costs nothing but a longer load; Axon also skips a snapshot of an aggregate already being snapshotted.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    private static final int QUEUED_SNAPSHOTS = 1_000;

    /** Not an {@code Executor} bean itself, so nothing that autowires "the" executor picks this one up. */
    @Bean
    BackgroundSnapshots backgroundSnapshots() {
        return new BackgroundSnapshots(new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUED_SNAPSHOTS), runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy()));
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory,
                                                    BackgroundSnapshots backgroundSnapshots) {
        return SpringAggregateSnapshotter.builder()
                                         .repositoryProvider(configuration::repository)
                                         .transactionManager(transactionManager)
                                         .eventStore(eventStore)
                                         .parameterResolverFactory(parameterResolverFactory)
                                         .handlerDefinition(handlerDefinition)
                                         .spanFactory(spanFactory)
                                         .executor(backgroundSnapshots.executor())
                                         .build();
    }

    record BackgroundSnapshots(ExecutorService executor) implements DisposableBean {

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }
}

package com.memora.infra.embedded;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded default's servers before the context is refreshed (the DataSource needs PostgreSQL) and
 * hands their addresses to the environment.
 * <p>
 * The servers are registered as the context's <em>first</em> disposable singleton, so Spring destroys them
 * <em>last</em>: after Axon's processors stop and the connection pool closes. No JVM shutdown hook races that
 * order. If the start fails, the context's own cleanup or the failure event stops them, so s3proxy's non-daemon
 * threads never keep a failed JVM alive.
 */
public class EmbeddedServersInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String BEAN_NAME = "memoraEmbeddedServers";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EmbeddedSettings.isEnabled(context.getEnvironment())) {
            return;
        }
        if (context.getBeanFactory().containsSingleton(BEAN_NAME)) {
            return;
        }
        EmbeddedServers servers = EmbeddedServers.start(EmbeddedSettings.from(context.getEnvironment()));
        context.getEnvironment().getPropertySources()
               .addFirst(new MapPropertySource("memoraEmbeddedServers", servers.connectionProperties()));
        context.getBeanFactory().registerSingleton(BEAN_NAME, servers);
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, servers);
        context.addApplicationListener((ApplicationListener<ApplicationFailedEvent>) failed -> servers.close());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package com.memora.infra.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Scheduled jobs, each on one node of a cluster at a time (decisions O7). ShedLock keeps the locks in PostgreSQL
 * (table {@code shedlock}) rather than Redis, so scheduled work goes on while Redis is down; lock times come from
 * the database clock, so nodes with skewed clocks agree.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "memora.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                                                    .withJdbcTemplate(new JdbcTemplate(dataSource))
                                                    .withTableName("shedlock")
                                                    .usingDbTime()
                                                    .build());
    }
}

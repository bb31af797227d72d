package com.memora.infra;

import com.memora.infra.testsupport.IntegrationTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class of the suite: however many events, tokens, snapshots and dead letters the
 * suite stored, none of them went into PostgreSQL large objects (every serialized column is bytea).
 */
@Order(Integer.MAX_VALUE)
class NoLargeObjectsTest extends IntegrationTest {

    @Test
    void theSuiteLeftNoLargeObjects() {
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        long tokens = jdbc.sql("select count(*) from token_entry where token is not null").query(Long.class).single();
        assertThat(events).isPositive();
        assertThat(tokens).isPositive();
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                            select count(*) from information_schema.columns
                            where table_schema = 'public' and data_type = 'oid'
                            """).query(Long.class).single()).isZero();
    }
}

package com.memora.infra.cdn;

import com.memora.projection.export.publication.SignedLinkExpiries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** When each plan's signed video links expire ({@code cdn_plan_signed_links}). */
@Repository
class JdbcSignedLinkExpiries implements SignedLinkExpiries {

    private final JdbcClient jdbc;

    JdbcSignedLinkExpiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String planId, Instant expiresAt, Instant at) {
        if (expiresAt == null) {
            forget(planId);
            return;
        }
        jdbc.sql("""
                 insert into cdn_plan_signed_links (plan_id, expires_at, updated_at) values (:plan, :expires, :at)
                 on conflict (plan_id) do update set expires_at = excluded.expires_at, updated_at = excluded.updated_at
                 """)
            .param("plan", planId).param("expires", expiresAt.atOffset(ZoneOffset.UTC))
            .param("at", at.atOffset(ZoneOffset.UTC))
            .update();
    }

    @Override
    public void forget(String planId) {
        jdbc.sql("delete from cdn_plan_signed_links where plan_id = :plan").param("plan", planId).update();
    }

    @Override
    public List<String> expiringBefore(Instant instant, int limit) {
        return jdbc.sql("""
                        select plan_id from cdn_plan_signed_links where expires_at < :instant
                        order by expires_at, plan_id limit :limit
                        """)
                   .param("instant", instant.atOffset(ZoneOffset.UTC)).param("limit", limit)
                   .query(String.class).list();
    }
}

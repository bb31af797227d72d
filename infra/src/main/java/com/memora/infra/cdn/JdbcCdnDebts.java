package com.memora.infra.cdn;

import com.memora.infra.persistence.Rows;
import com.memora.projection.export.publication.CdnDebtState;
import com.memora.projection.export.publication.CdnDebts;
import com.memora.projection.export.publication.OwedPublication;
import com.memora.projection.export.publication.OwedSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CDN owes each plan ({@code cdn_plan_debt}, {@code cdn_plan_debt_path}, V4_10). Every record takes a
 * number from {@code cdn_debt_seq}; a success clears exactly up to the number its read saw, so a record made while
 * the publication ran (a full sync queued by the readiness job on another node) survives it.
 */
@Repository
class JdbcCdnDebts implements CdnDebts {

    private static final RowMapper<OwedSummary> SUMMARY = (rs, row) -> new OwedSummary(
            rs.getString("plan_id"), CdnDebtState.valueOf(rs.getString("state")),
            rs.getObject("full_sync_seq") != null, rs.getLong("uploads"), rs.getLong("deletes"),
            rs.getInt("failed_attempts"), Rows.instant(rs, "next_retry_at"), rs.getString("last_error"),
            Rows.instant(rs, "last_attempt_at"), Rows.nullableLong(rs, "last_log_id"), Rows.instant(rs, "owed_since"));

    private static final String SUMMARY_SELECT = """
            select d.*,
                   (select count(*) from cdn_plan_debt_path p where p.plan_id = d.plan_id and p.action = 'UPLOAD')
                       as uploads,
                   (select count(*) from cdn_plan_debt_path p where p.plan_id = d.plan_id and p.action = 'DELETE')
                       as deletes
            from cdn_plan_debt d
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    JdbcCdnDebts(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void owe(String planId, Collection<String> uploads, Collection<String> deletes, Instant at) {
        List<Object[]> rows = new ArrayList<>(uploads.size() + deletes.size());
        uploads.forEach(path -> rows.add(new Object[] {planId, path, "UPLOAD", Rows.utc(at)}));
        deletes.forEach(path -> rows.add(new Object[] {planId, path, "DELETE", Rows.utc(at)}));
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            ensureDebt(planId, at);
            // one row per path; the later action wins (a file removed and written again is owed as an upload)
            batch.batchUpdate("""
                              insert into cdn_plan_debt_path (plan_id, path, action, seq, owed_since)
                              values (?, ?, ?, nextval('cdn_debt_seq'), ?)
                              on conflict (plan_id, path) do update set action = excluded.action, seq = excluded.seq
                              """, rows);
        });
    }

    private void ensureDebt(String planId, Instant at) {
        jdbc.sql("""
                 insert into cdn_plan_debt (plan_id, state, owed_since, updated_at) values (:plan, 'OWED', :at, :at)
                 on conflict (plan_id) do nothing
                 """)
            .param("plan", planId).param("at", Rows.utc(at)).update();
    }

    @Override
    public void oweFullSync(Collection<String> planIds, Instant at) {
        List<Object[]> rows = planIds.stream().map(plan -> new Object[] {plan, Rows.utc(at), Rows.utc(at)}).toList();
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                          insert into cdn_plan_debt (plan_id, state, full_sync_seq, owed_since, updated_at)
                          values (?, 'OWED', nextval('cdn_debt_seq'), ?, ?)
                          on conflict (plan_id) do update set full_sync_seq = excluded.full_sync_seq,
                              updated_at = excluded.updated_at
                          """, rows);
    }

    @Override
    public Optional<OwedPublication> find(String planId) {
        return transaction.execute(status -> {
            Optional<DebtRow> debt = jdbc.sql("select * from cdn_plan_debt where plan_id = :plan")
                                         .param("plan", planId).query(DEBT).optional();
            if (debt.isEmpty()) {
                return Optional.empty();
            }
            List<String> uploads = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            long upTo = debt.get().fullSyncSeq() == null ? 0 : debt.get().fullSyncSeq();
            for (PathRow path : jdbc.sql("""
                                         select path, action, seq from cdn_plan_debt_path where plan_id = :plan
                                         order by seq
                                         """)
                                    .param("plan", planId).query(PATH).list()) {
                (path.upload() ? uploads : deletes).add(path.path());
                upTo = Math.max(upTo, path.seq());
            }
            DebtRow row = debt.get();
            return Optional.of(new OwedPublication(planId, row.state(), row.fullSyncSeq() != null, uploads, deletes,
                                                   upTo, row.failedAttempts(), row.nextRetryAt(), row.lastError(),
                                                   row.lastAttemptAt(), row.lastLogId(), row.owedSince()));
        });
    }

    private record DebtRow(CdnDebtState state, Long fullSyncSeq, int failedAttempts, Instant nextRetryAt,
                           String lastError, Instant lastAttemptAt, Long lastLogId, Instant owedSince) {
    }

    private static final RowMapper<DebtRow> DEBT = (rs, row) -> new DebtRow(
            CdnDebtState.valueOf(rs.getString("state")), Rows.nullableLong(rs, "full_sync_seq"),
            rs.getInt("failed_attempts"), Rows.instant(rs, "next_retry_at"), rs.getString("last_error"),
            Rows.instant(rs, "last_attempt_at"), Rows.nullableLong(rs, "last_log_id"), Rows.instant(rs, "owed_since"));

    private record PathRow(String path, boolean upload, long seq) {
    }

    private static final RowMapper<PathRow> PATH = (rs, row) -> new PathRow(
            rs.getString("path"), rs.getString("action").equals("UPLOAD"), rs.getLong("seq"));

    @Override
    public void settled(String planId, long upToSeq, Instant at) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from cdn_plan_debt_path where plan_id = :plan and seq <= :seq")
                .param("plan", planId).param("seq", upToSeq).update();
            jdbc.sql("""
                     update cdn_plan_debt set full_sync_seq = null where plan_id = :plan and full_sync_seq <= :seq
                     """)
                .param("plan", planId).param("seq", upToSeq).update();
            int gone = jdbc.sql("""
                                delete from cdn_plan_debt d where d.plan_id = :plan and d.full_sync_seq is null
                                  and not exists (select 1 from cdn_plan_debt_path p where p.plan_id = d.plan_id)
                                """)
                           .param("plan", planId).update();
            if (gone == 0) { // owed meanwhile: a fresh publication, no failure behind it
                jdbc.sql("""
                         update cdn_plan_debt set state = 'OWED', failed_attempts = 0, next_retry_at = null,
                             last_error = null, updated_at = :at
                         where plan_id = :plan
                         """)
                    .param("at", Rows.utc(at)).param("plan", planId).update();
            }
        });
    }

    @Override
    public void uploaded(String planId, Collection<String> paths, long upToSeq) {
        if (paths.isEmpty()) {
            return;
        }
        List<Object[]> rows = paths.stream().map(path -> new Object[] {planId, path, upToSeq}).toList();
        batch.batchUpdate("""
                          delete from cdn_plan_debt_path
                          where plan_id = ? and path = ? and action = 'UPLOAD' and seq <= ?
                          """, rows);
    }

    @Override
    public void removedWhileWaiting(String planId, Collection<String> keys, boolean folderGone, long upToSeq) {
        transaction.executeWithoutResult(status -> {
            if (!keys.isEmpty()) {
                batch.batchUpdate("""
                                  delete from cdn_plan_debt_path
                                  where plan_id = ? and path = ? and action = 'DELETE' and seq <= ?
                                  """, keys.stream().map(key -> new Object[] {planId, key, upToSeq}).toList());
            }
            if (folderGone) {
                jdbc.sql("delete from cdn_plan_debt_path where plan_id = :plan and seq <= :seq")
                    .param("plan", planId).param("seq", upToSeq).update();
                jdbc.sql("""
                         update cdn_plan_debt set full_sync_seq = null where plan_id = :plan and full_sync_seq <= :seq
                         """)
                    .param("plan", planId).param("seq", upToSeq).update();
            }
            jdbc.sql("""
                     delete from cdn_plan_debt d where d.plan_id = :plan and d.full_sync_seq is null
                       and not exists (select 1 from cdn_plan_debt_path p where p.plan_id = d.plan_id)
                     """)
                .param("plan", planId).update();
        });
    }

    @Override
    public void failed(String planId, CdnDebtState state, int failedAttempts, Instant nextRetryAt, String error,
                       Long logId, Instant at) {
        jdbc.sql("""
                 update cdn_plan_debt set state = :state, failed_attempts = :attempts, next_retry_at = :retry,
                     last_error = :error, last_attempt_at = :at, last_log_id = :log, updated_at = :at
                 where plan_id = :plan
                 """)
            .param("state", state.name()).param("attempts", failedAttempts).param("retry", Rows.utc(nextRetryAt))
            .param("error", error).param("at", Rows.utc(at)).param("log", logId).param("plan", planId)
            .update();
    }

    @Override
    public List<String> due(Instant now, int limit) {
        return jdbc.sql("""
                        select plan_id from cdn_plan_debt
                        where state = 'OWED' or (state = 'RETRY_WAIT' and next_retry_at <= :now)
                        order by coalesce(next_retry_at, owed_since), plan_id
                        limit :limit
                        """)
                   .param("now", Rows.utc(now)).param("limit", limit).query(String.class).list();
    }

    @Override
    public boolean requeueDeadLetter(String planId, Instant at) {
        return jdbc.sql("""
                        update cdn_plan_debt set state = 'OWED', failed_attempts = 0, next_retry_at = null,
                            updated_at = :at
                        where plan_id = :plan and state = 'DEAD_LETTER'
                        """)
                   .param("at", Rows.utc(at)).param("plan", planId).update() == 1;
    }

    @Override
    public int requeueStuck(Instant at) {
        return jdbc.sql("""
                        update cdn_plan_debt set state = 'OWED', failed_attempts = 0, next_retry_at = null,
                            updated_at = :at
                        where state in ('DEAD_LETTER', 'FAILED')
                        """)
                   .param("at", Rows.utc(at)).update();
    }

    @Override
    public void forget(String planId) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("delete from cdn_plan_debt_path where plan_id = :plan").param("plan", planId).update();
            jdbc.sql("delete from cdn_plan_debt where plan_id = :plan").param("plan", planId).update();
        });
    }

    @Override
    public List<OwedSummary> summaries(CdnDebtState state, int limit) {
        return jdbc.sql(SUMMARY_SELECT + """
                        where cast(:state as varchar) is null or d.state = :state
                        order by d.owed_since, d.plan_id limit :limit
                        """)
                   .param("state", state == null ? null : state.name()).param("limit", limit)
                   .query(SUMMARY).list();
    }

    @Override
    public Optional<OwedSummary> summary(String planId) {
        return jdbc.sql(SUMMARY_SELECT + " where d.plan_id = :plan").param("plan", planId).query(SUMMARY).optional();
    }

    @Override
    public Map<CdnDebtState, Long> countByState() {
        Map<CdnDebtState, Long> counts = new EnumMap<>(CdnDebtState.class);
        for (CdnDebtState state : CdnDebtState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) as plans from cdn_plan_debt group by state")
            .query((rs, row) -> counts.put(CdnDebtState.valueOf(rs.getString("state")), rs.getLong("plans")))
            .list();
        return counts;
    }



}

package com.memora.infra.persistence.season;

import com.memora.projection.season.SeasonView;
import com.memora.projection.season.SeasonViewStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@Repository
class JdbcSeasonViewStore implements SeasonViewStore {

    private static final RowMapper<SeasonView> ROW = (rs, row) -> new SeasonView(
            rs.getString("id"),
            rs.getString("title"),
            rs.getObject("start_date", java.time.LocalDate.class),
            rs.getObject("end_date", java.time.LocalDate.class),
            rs.getBoolean("active"),
            rs.getBoolean("enable_redis"),
            rs.getBoolean("auto_archive"),
            rs.getBoolean("partition_created"),
            instant(rs.getObject("archived_at", OffsetDateTime.class)),
            rs.getObject("records_archived", Long.class),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    JdbcSeasonViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(SeasonView view, long sequence) {
        jdbc.sql("""
                 insert into season_view (id, title, start_date, end_date, active, enable_redis, auto_archive,
                                          partition_created, archived_at, records_archived, created_at,
                                          updated_at, last_sequence)
                 values (:id, :title, :start, :end, :active, :redis, :archive, :partition, :archived_at,
                         :records_archived, :created, :updated, :seq)
                 on conflict (id) do update set
                     title = excluded.title, start_date = excluded.start_date, end_date = excluded.end_date,
                     active = excluded.active, enable_redis = excluded.enable_redis,
                     auto_archive = excluded.auto_archive, partition_created = excluded.partition_created,
                     archived_at = excluded.archived_at, records_archived = excluded.records_archived,
                     updated_at = excluded.updated_at,
                     last_sequence = excluded.last_sequence
                 where season_view.last_sequence < excluded.last_sequence
                 """)
            .param("id", view.id())
            .param("title", view.title())
            .param("start", view.startDate())
            .param("end", view.endDate())
            .param("active", view.active())
            .param("redis", view.enableRedis())
            .param("archive", view.autoArchive())
            .param("partition", view.partitionCreated())
            .param("archived_at", view.archivedAt() == null ? null : view.archivedAt().atOffset(ZoneOffset.UTC))
            .param("records_archived", view.recordsArchived())
            .param("created", view.createdAt().atOffset(ZoneOffset.UTC))
            .param("updated", view.updatedAt().atOffset(ZoneOffset.UTC))
            .param("seq", sequence)
            .update();
    }

    @Override
    public Optional<SeasonView> find(String seasonId) {
        return jdbc.sql("select * from season_view where id = ?").param(seasonId).query(ROW).optional();
    }

    @Override
    public List<SeasonView> findAll() {
        return jdbc.sql("select * from season_view order by start_date desc, id").query(ROW).list();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    @Override
    public void deleteAll() {
        jdbc.sql("delete from season_view").update();
    }
}

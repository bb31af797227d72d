package com.memora.infra.persistence.srs;

import com.memora.projection.srs.ops.ReviewCacheAdmin.SampledCard;
import com.memora.projection.srs.ops.TrackerScan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bulk reads of the review tracker. Pages follow the primary key (player, season, question_id) with a row
 * comparison on all three columns, so each page is one index range scan; samples use {@code TABLESAMPLE SYSTEM} on
 * the season's partition, which reads only the pages it picks.
 */
@Repository
class JdbcTrackerScan implements TrackerScan {

    /** Rows a heap page holds when the statistics do not say (tracker rows are about 130 bytes). */
    private static final double DEFAULT_ROWS_PER_PAGE = 55;
    /** SYSTEM picks whole pages, so it draws a little more than asked and the surplus is dropped at random. */
    private static final double OVERSAMPLE = 1.5;
    /** Partitions this small are read whole: a sample of pages would be as costly and less even. */
    private static final long SMALL_PARTITION_PAGES = 64;

    private final JdbcClient jdbc;

    JdbcTrackerScan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(String seasonId) {
        return jdbc.sql("select count(*) from srs_tracker where season = ?").param(seasonId).query(Long.class)
                   .single();
    }

    @Override
    public long estimate(String seasonId) {
        Partition partition = partition(seasonId);
        return partition == null ? 0 : Math.round(partition.estimatedRows());
    }

    @Override
    public List<Row> page(String seasonId, Key after, int limit) {
        String from = after == null ? "" : " and (player, season, question_id) > (?, ?, ?)";
        List<Object> params = new ArrayList<>(List.of(seasonId));
        if (after != null) {
            params.addAll(List.of(after.playerId(), seasonId, after.questionId()));
        }
        params.add(limit);
        params.add(seasonId);
        return jdbc.sql("with page as (select player, question_id, due from srs_tracker where season = ?" + from
                        + " order by player, season, question_id limit ?)"
                        + " select page.player, page.question_id, page.due, coalesce(p.last_sequence, -1)"
                        + " from page left join srs_tracker_progress p on p.player = page.player and p.season = ?"
                        + " order by page.player, page.question_id")
                   .params(params)
                   .query((rs, row) -> new Row(rs.getString(1), rs.getString(2),
                                               rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4)))
                   .list();
    }

    @Override
    public Sample sample(String seasonIdOrNull, int size) {
        List<String> seasons = seasonIdOrNull != null ? List.of(seasonIdOrNull)
                : jdbc.sql("select season_id from season_registry where enable_redis and not archived "
                           + "and partition_created order by season_id").query(String.class).list();
        List<Partition> partitions = new ArrayList<>();
        double totalRows = 0;
        for (String season : seasons) {
            Partition partition = partition(season);
            if (partition != null && partition.estimatedRows() > 0) {
                partitions.add(partition);
                totalRows += partition.estimatedRows();
            }
        }
        List<SampledCard> cards = new ArrayList<>();
        int[] shares = shares(partitions, totalRows, size);
        for (int i = 0; i < partitions.size(); i++) {
            if (shares[i] > 0) {
                cards.addAll(sample(partitions.get(i), shares[i]));
            }
        }
        return new Sample(cards, seasons);
    }

    /**
     * The sample shared out by the partitions' sizes (largest remainders), adding up to the sample exactly, or to
     * every row when there are fewer.
     */
    private static int[] shares(List<Partition> partitions, double totalRows, int size) {
        int[] shares = new int[partitions.size()];
        if (totalRows <= size) {
            for (int i = 0; i < shares.length; i++) {
                shares[i] = (int) Math.ceil(partitions.get(i).estimatedRows());
            }
            return shares;
        }
        double[] remainders = new double[shares.length];
        int given = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = size * partitions.get(i).estimatedRows() / totalRows;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        while (given < size) {
            int largest = 0;
            for (int i = 1; i < shares.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
            given++;
        }
        return shares;
    }

    private List<SampledCard> sample(Partition partition, int share) {
        double percent = 100.0 * share * OVERSAMPLE / partition.estimatedRows();
        String source = partition.pages() <= SMALL_PARTITION_PAGES || percent >= 100
                        ? partition.name() + " t"
                        : partition.name() + " t tablesample system (" + String.format(Locale.ROOT, "%.6f",
                                                                                      percent) + ")";
        return jdbc.sql("select t.player, t.question_id, t.due, coalesce(p.last_sequence, -1) from " + source
                        + " left join srs_tracker_progress p on p.player = t.player and p.season = t.season"
                        + " order by random() limit ?")
                   .param(share)
                   .query((rs, row) -> new SampledCard(partition.season(), rs.getString(1), rs.getString(2),
                                                       rs.getObject(3, OffsetDateTime.class).toInstant(),
                                                       rs.getLong(4)))
                   .list();
    }

    /**
     * The season's partition with its rows: counted when it is small, else its size now times the row density of
     * its statistics; null when it does not exist.
     */
    private Partition partition(String seasonId) {
        String name = TrackerPartitionNames.of(seasonId);
        Partition partition = jdbc.sql("""
                                       select c.reltuples, c.relpages,
                                              pg_relation_size(c.oid) / current_setting('block_size')::bigint
                                                  as pages
                                       from pg_class c where c.oid = to_regclass(?)
                                       """)
                                  .param(name)
                                  .query((rs, row) -> {
                                      double tuples = rs.getDouble("reltuples");
                                      long statPages = rs.getLong("relpages");
                                      long pages = rs.getLong("pages");
                                      double density = tuples > 0 && statPages > 0 ? tuples / statPages
                                                                                   : DEFAULT_ROWS_PER_PAGE;
                                      return new Partition(seasonId, name, pages, pages * density);
                                  })
                                  .optional().orElse(null);
        if (partition != null && partition.pages() <= SMALL_PARTITION_PAGES) {
            long rows = jdbc.sql("select count(*) from " + name).query(Long.class).single();
            return new Partition(seasonId, name, partition.pages(), rows);
        }
        return partition;
    }

    private record Partition(String season, String name, long pages, double estimatedRows) {
    }
}

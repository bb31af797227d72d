package com.memora.infra.cdn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.memora.projection.export.cdn.ParityReport;
import com.memora.projection.export.publication.ParityChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

/** The latest parity check ({@code cdn_parity_check}, one row), the report as jsonb. */
@Repository
class JdbcParityChecks implements ParityChecks {

    /** The stored form, independent of the web's JSON naming. */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
                                                       .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                       // clean() and truncated() are written, derived on reading
                                                       .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                                       .build();

    private final JdbcClient jdbc;

    JdbcParityChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(ParityReport report, String trigger, String target) {
        jdbc.sql("""
                 insert into cdn_parity_check (id, checked_at, trigger, target, clean, report)
                 values (1, :at, :trigger, :target, :clean, cast(:report as jsonb))
                 on conflict (id) do update set checked_at = excluded.checked_at, trigger = excluded.trigger,
                     target = excluded.target, clean = excluded.clean, report = excluded.report
                 """)
            .param("at", report.checkedAt().atOffset(ZoneOffset.UTC)).param("trigger", trigger)
            .param("target", target).param("clean", report.clean()).param("report", json(report))
            .update();
    }

    @Override
    public Optional<Stored> last() {
        return jdbc.sql("select trigger, target, report from cdn_parity_check where id = 1")
                   .query((rs, row) -> new Stored(read(rs.getString("report")), rs.getString("trigger"),
                                                  rs.getString("target")))
                   .optional();
    }

    private static String json(ParityReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parity report cannot be written as JSON", e);
        }
    }

    private static ParityReport read(String json) {
        try {
            return JSON.readValue(json, ParityReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored parity report is not readable", e);
        }
    }
}

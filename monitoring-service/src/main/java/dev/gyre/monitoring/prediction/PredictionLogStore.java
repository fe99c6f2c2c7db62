package dev.gyre.monitoring.prediction;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gyre.api.monitoring.PredictionRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code prediction_log} and {@code feedback} tables, through JDBC: serving sends hundreds of records at
 * once, which go in as one JDBC batch of {@code insert … on conflict do nothing} (a retried batch stores
 * nothing twice).
 */
@Repository
public class PredictionLogStore {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final JsonMapper json;

    PredictionLogStore(JdbcTemplate jdbc, JdbcClient client, JsonMapper json) {
        this.jdbc = jdbc;
        this.client = client;
        this.json = json;
    }

    /** Inserts the records, skipping ids already stored; returns, per record, whether it was stored. */
    @Transactional
    boolean[] insert(List<PredictionRecord> records, Instant receivedAt) {
        int[][] counts = jdbc.batchUpdate("""
                        insert into prediction_log (id, deployment, model, model_version, ts, inputs, label, value, scores)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb))
                        on conflict (id) do nothing""",
                records, 500, (ps, r) -> {
                    ps.setString(1, r.id());
                    ps.setString(2, r.deployment());
                    ps.setString(3, r.model());
                    ps.setInt(4, r.version());
                    ps.setTimestamp(5, Timestamp.from(r.timestamp() == null ? receivedAt : r.timestamp()));
                    ps.setString(6, json.writeValueAsString(r.inputs() == null ? Map.of() : r.inputs()));
                    ps.setString(7, r.label());
                    ps.setObject(8, r.value());
                    ps.setString(9, r.scores() == null ? null : json.writeValueAsString(r.scores()));
                });
        boolean[] stored = new boolean[records.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                stored[i++] = c > 0;
            }
        }
        return stored;
    }

    /** The ids among {@code ids} that are logged. */
    Set<String> existing(Set<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(client.sql("select id from prediction_log where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(String.class).list());
    }

    /** Stores (or replaces) the ground truth of logged predictions. */
    @Transactional
    void upsertFeedback(Map<String, Object> actuals, Map<String, Double> numbers) {
        List<Object[]> rows = new ArrayList<>();
        actuals.forEach((id, actual) -> rows.add(new Object[]{id, String.valueOf(actual), numbers.get(id)}));
        jdbc.batchUpdate("""
                insert into feedback (prediction_id, actual, actual_number) values (?, ?, ?)
                on conflict (prediction_id) do update
                set actual = excluded.actual, actual_number = excluded.actual_number, received_at = now()""", rows);
    }

    /**
     * The newest {@code size} predictions of a deployment, limited to those logged within {@code duration}
     * of now when it is not null; newest first.
     */
    public List<LoggedPrediction> window(String deployment, int size, Duration duration) {
        Instant since = duration == null ? Instant.EPOCH : Instant.now().minus(duration);
        return client.sql("""
                        select id, ts, inputs, label, value from prediction_log
                        where deployment = :deployment and ts >= :since
                        order by ts desc, id desc limit :size""")
                .param("deployment", deployment)
                .param("since", Timestamp.from(since))
                .param("size", size)
                .query((rs, n) -> new LoggedPrediction(rs.getString("id"), rs.getTimestamp("ts").toInstant(),
                        json.readValue(rs.getString("inputs"), MAP), rs.getString("label"),
                        rs.getObject("value", Double.class)))
                .list();
    }
}

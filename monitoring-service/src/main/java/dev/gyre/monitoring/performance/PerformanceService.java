package dev.gyre.monitoring.performance;

import java.sql.Timestamp;

import dev.gyre.api.monitoring.DriftWindow;
import dev.gyre.api.monitoring.PerformanceResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Accuracy (classification) and RMSE/MAE (regression) of a deployment's predictions that have feedback, as one
 * window. These are aggregates over label/value pairs with no model at hand, so they are computed in SQL
 * rather than through core's Tribuo-based {@code Metrics}.
 */
@Service
public class PerformanceService {
    private final JdbcClient jdbc;

    PerformanceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PerformanceResponse performance(String deployment) {
        record Labelled(long count, Timestamp from, Timestamp to) {
        }
        Labelled labelled = jdbc.sql("""
                        select count(*), min(p.ts), max(p.ts) from prediction_log p
                        join feedback f on f.prediction_id = p.id where p.deployment = ?""")
                .param(deployment)
                .query((rs, n) -> new Labelled(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3))).single();
        PerformanceResponse.Classification classification = jdbc.sql("""
                        select count(*), avg(case when p.label = f.actual then 1.0 else 0.0 end)
                        from prediction_log p join feedback f on f.prediction_id = p.id
                        where p.deployment = ? and p.label is not null""")
                .param(deployment)
                .query((rs, n) -> rs.getLong(1) == 0 ? null
                        : new PerformanceResponse.Classification(rs.getDouble(2), rs.getLong(1)))
                .optional().orElse(null);
        PerformanceResponse.Regression regression = jdbc.sql("""
                        select count(*), sqrt(avg((p.value - f.actual_number) ^ 2)), avg(abs(p.value - f.actual_number))
                        from prediction_log p join feedback f on f.prediction_id = p.id
                        where p.deployment = ? and p.value is not null and f.actual_number is not null""")
                .param(deployment)
                .query((rs, n) -> rs.getLong(1) == 0 ? null
                        : new PerformanceResponse.Regression(rs.getDouble(2), rs.getDouble(3), rs.getLong(1)))
                .optional().orElse(null);
        DriftWindow window = labelled.count() == 0 ? null
                : new DriftWindow(labelled.from().toInstant(), labelled.to().toInstant(), (int) labelled.count());
        return new PerformanceResponse(deployment, labelled.count(), classification, regression, window);
    }
}

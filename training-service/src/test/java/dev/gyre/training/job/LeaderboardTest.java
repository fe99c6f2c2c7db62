package dev.gyre.training.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.Task;
import dev.gyre.training.run.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderboardTest {
    private static final AlgorithmCatalog CATALOG = new AlgorithmCatalog();
    private static final UUID JOB = UUID.randomUUID();

    private static Run run(String algorithm, double accuracy) {
        return Run.succeeded("e", JOB, algorithm, Map.of(), Map.of("accuracy", accuracy, "rmse", 1 - accuracy), 1);
    }

    private static Run best(String metric, Run... runs) {
        return Leaderboard.best(List.of(runs), metric,
                r -> CATALOG.find(Task.CLASSIFICATION, r.getAlgorithm()).orElseThrow().complexity());
    }

    @Test
    void picksTheBestValueOfTheMetricInItsDirection() {
        Run cart = run("cart", 0.90);
        Run forest = run("random-forest", 0.95);
        assertThat(best("accuracy", cart, forest)).isSameAs(forest);
        assertThat(best("rmse", forest, cart)).isSameAs(forest);
    }

    @Test
    void breaksATieInFavourOfTheSimplerAlgorithmWhateverItsPlace() {
        Run xgboost = run("xgboost", 0.97);
        Run forest = run("random-forest", 0.97);
        Run logistic = run("logistic-regression", 0.97);
        assertThat(best("accuracy", xgboost, logistic, forest)).isSameAs(logistic);
        assertThat(best("accuracy", logistic, xgboost)).isSameAs(logistic);
        // same complexity: the earlier run stays
        assertThat(best("accuracy", xgboost, forest)).isSameAs(xgboost);
        assertThat(best("accuracy", forest, xgboost)).isSameAs(forest);
    }

    @Test
    void skipsFailedRunsAndSaysWhenNoneHasTheMetric() {
        Run failed = Run.failed("e", JOB, "svm", Map.of(), 1, "IllegalStateException: boom");
        Run cart = run("cart", 0.5);
        assertThat(best("accuracy", failed, cart)).isSameAs(cart);
        assertThatThrownBy(() -> best("accuracy", failed)).isInstanceOf(TrainingFailure.class)
                .hasMessageContaining("no run produced the metric 'accuracy'").hasMessageContaining("boom");
    }
}

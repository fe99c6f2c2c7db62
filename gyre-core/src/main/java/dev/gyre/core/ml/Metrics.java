package dev.gyre.core.ml;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metric names and their computation through Tribuo's evaluators. Classification: {@code accuracy},
 * {@code f1_macro}, {@code precision_macro}, {@code recall_macro}, and {@code auc} for a binary task with
 * a model that generates probabilities (the positive class is the last label in sorted order; the value
 * is the same for either class). Regression: {@code rmse}, {@code mae}, {@code r2}. Non-finite values
 * (e.g. r2 of a constant test target) are left out of the result.
 */
public final class Metrics {
    public static final String ACCURACY = "accuracy";
    public static final String F1_MACRO = "f1_macro";
    public static final String PRECISION_MACRO = "precision_macro";
    public static final String RECALL_MACRO = "recall_macro";
    public static final String AUC = "auc";
    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String R2 = "r2";

    private static final Set<String> CLASSIFICATION = ordered(ACCURACY, F1_MACRO, PRECISION_MACRO, RECALL_MACRO, AUC);
    private static final Set<String> REGRESSION = ordered(RMSE, MAE, R2);

    private Metrics() {
    }

    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    /** The metric names of a task, in a fixed order. */
    public static Set<String> forTask(Task task) {
        return task == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION;
    }

    /** @throws IllegalArgumentException for an unknown metric name */
    public static boolean higherIsBetter(String metric) {
        if (CLASSIFICATION.contains(metric) || R2.equals(metric)) {
            return true;
        }
        if (RMSE.equals(metric) || MAE.equals(metric)) {
            return false;
        }
        throw new IllegalArgumentException("unknown metric '" + metric + "'");
    }

    /** @throws IllegalArgumentException naming the metric when it does not apply to the task */
    public static void validate(String metric, Task task) {
        if (!forTask(task).contains(metric)) {
            throw new IllegalArgumentException("metric '" + metric + "' is not a " + task.json()
                    + " metric; expected one of " + forTask(task));
        }
    }

    /** True if {@code a} is strictly better than {@code b} for this metric. */
    public static boolean isBetter(String metric, double a, double b) {
        return higherIsBetter(metric) ? a > b : a < b;
    }

    /** Evaluates a model on a test set. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Map<String, Double> compute(Model<?> model, Dataset<?> test) {
        List predictions = ((Model) model).predict((Dataset) test);
        return compute((Model) model, predictions, test.getProvenance());
    }

    /** Metrics of given predictions of {@code model} (whose examples carry the true outputs). */
    @SuppressWarnings("unchecked")
    public static <T extends Output<T>> Map<String, Double> compute(Model<T> model, List<Prediction<T>> predictions,
                                                                     DataProvenance data) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (model.validate(Label.class)) {
            Model<Label> m = (Model<Label>) model;
            LabelEvaluation e = new LabelEvaluator().evaluate(m, (List<Prediction<Label>>) (List<?>) predictions, data);
            put(out, ACCURACY, e.accuracy());
            put(out, F1_MACRO, e.macroAveragedF1());
            put(out, PRECISION_MACRO, e.macroAveragedPrecision());
            put(out, RECALL_MACRO, e.macroAveragedRecall());
            var domain = m.getOutputIDInfo().getDomain();
            if (m.generatesProbabilities() && domain.size() == 2) {
                Label positive = domain.stream().max(java.util.Comparator.comparing(Label::getLabel)).orElseThrow();
                try {
                    put(out, AUC, e.AUCROC(positive));
                } catch (IllegalArgumentException | IllegalStateException notComputable) {
                    // a test set holding a single class has no ROC curve
                }
            }
        } else if (model.validate(Regressor.class)) {
            RegressionEvaluation e = new RegressionEvaluator().evaluate((Model<Regressor>) model,
                    (List<Prediction<Regressor>>) (List<?>) predictions, data);
            put(out, RMSE, e.averageRMSE());
            put(out, MAE, e.averageMAE());
            put(out, R2, e.averageR2());
        } else {
            throw new IllegalArgumentException("unsupported model output type: " + model.getClass().getName());
        }
        return out;
    }

    private static void put(Map<String, Double> out, String name, double value) {
        if (Double.isFinite(value)) {
            out.put(name, value);
        }
    }
}

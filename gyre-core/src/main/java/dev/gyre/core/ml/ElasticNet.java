package dev.gyre.core.ml;

import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

/**
 * The elastic net as scikit-learn's {@code ElasticNet} fitted on standardized features and a standardized
 * target, so that {@code alpha} does not depend on the target's units, trained by Tribuo's coordinate descent.
 * <p>
 * Tribuo minimizes {@code ||y - Xw||^2 / 2n + a * r * |w|_1 + a * (1 - r) / 2 * ||w||^2} on the raw target:
 * the L1 term scales with the target's units and the L2 term does not. The penalties of the same problem on
 * the standardized target {@code y / s} are, after multiplying the objective by {@code s^2},
 * {@code alpha * l1Ratio * s} (L1) and {@code alpha * (1 - l1Ratio)} (L2): {@link #penalty} turns them into
 * Tribuo's (a, r) pair, so that the weights are those of the standardized fit, times s.
 *
 * @param alpha         the overall penalty, at least 0
 * @param l1Ratio       the share of L1 in it, in (0, 1]
 * @param maxIterations coordinate-descent sweeps at most
 */
record ElasticNet(double alpha, double l1Ratio, int maxIterations) {
    private static final double TOLERANCE = 1e-4;

    /** Tribuo's (alpha, l1Ratio) for a target of standard deviation {@code s}. */
    record Penalty(double alpha, double l1Ratio) {
    }

    Penalty penalty(double targetStd) {
        double l1 = alpha * l1Ratio * targetStd;
        double l2 = alpha * (1 - l1Ratio);
        double total = l1 + l2;
        // Tribuo rejects an l1Ratio under 1e-12; the floor only matters for a target with a std under ~1e-7
        return new Penalty(total, total > 0 ? Math.max(l1 / total, 1e-9) : 1.0);
    }

    /** Standardized features, and penalties scaled to the target of each training set it is given. */
    Trainer<Regressor> trainer(long seed) {
        return new StandardizingTrainer<>(data -> trainer(seed, targetStd(data)), trainer(seed, 1.0));
    }

    private Trainer<Regressor> trainer(long seed, double targetStd) {
        Penalty p = penalty(targetStd);
        return new MeanIfEmptyTrainer(new ElasticNetCDTrainer(p.alpha(), p.l1Ratio(), TOLERANCE, maxIterations, false, seed));
    }

    /** The target's sample standard deviation; 1 for a constant target or fewer than two rows. */
    static double targetStd(Dataset<Regressor> data) {
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (var example : data) {
            double y = example.getOutput().getValues()[0];
            sum += y;
            sumSquares += y * y;
            n++;
        }
        double variance = n > 1 ? (sumSquares - sum * sum / n) / (n - 1) : 0;
        return variance > 0 && Double.isFinite(variance) ? Math.sqrt(variance) : 1.0;
    }
}

package dev.gyre.core.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference values from scipy 1.17.1 / numpy 2.4.6; each Python line is given next to its numbers. */
class DriftTestsTest {
    private static final double TOL = 1e-12;
    private static final DriftThresholds T = DriftThresholds.DEFAULT;

    private static final double[] A = {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06,
        0.64, -0.82, 0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47};
    private static final double[] B = {2.20, 1.66, 1.38, 0.20, 0.36, 0.00, 0.96, 1.56, 0.44, 1.50, -0.30, 0.66,
        2.31, 3.29, -0.27, -0.37, 0.38, 0.70, 0.52, -1.51, 0.78, 1.24, 1.96};

    // Python for PSI references (EPSILON = 1e-4 for empty bins, lower-inclusive decile bins):
    //   def psi(r,c): r=np.where(r==0,1e-4,r); c=np.where(c==0,1e-4,c); return np.sum((c-r)*np.log(c/r))
    //   def npsi(ref,cur):
    //       e=np.unique(np.quantile(ref,np.arange(1,10)/10))
    //       rb=np.bincount(np.searchsorted(e,ref,side='right'),minlength=len(e)+1)/len(ref)
    //       cb=np.bincount(np.searchsorted(e,cur,side='right'),minlength=len(e)+1)/len(cur)
    //       return psi(rb,cb)

    @Test
    void numericDriftMatchesScipyOnSmallSamples() {
        // stats.ks_2samp(A, B) -> statistic 0.2852173913043478, pvalue 0.22182779972245315 (exact)
        // npsi(np.array(A), np.array(B)) -> 1.3245273775979363
        FeatureDrift d = DriftTests.numeric("x", A, B, T);

        assertThat(d.type()).isEqualTo("numeric");
        assertThat(d.test()).isEqualTo("ks");
        assertThat(d.statistic()).isCloseTo(0.2852173913043478, within(TOL));
        assertThat(d.pValue()).isCloseTo(0.22182779972245315, within(1e-10));
        assertThat(d.psi()).isCloseTo(1.3245273775979363, within(1e-10));
        assertThat(d.referenceCount()).isEqualTo(25);
        assertThat(d.currentCount()).isEqualTo(23);
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void numericDriftMatchesScipyOnLargerSamples() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 0.6180339887) % 1;
        }
        double[] y = new double[150];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.pow((i * 0.7548776662) % 1, 1.5);
        }
        // x=[(i*0.6180339887)%1 for i in range(200)]; y=[((i*0.7548776662)%1)**1.5 for i in range(150)]
        // stats.ks_2samp(x, y) -> statistic 0.15333333333333332, pvalue 0.032325721243343354
        // npsi(np.array(x), np.array(y)) -> 0.1525720078246432
        FeatureDrift d = DriftTests.numeric("x", x, y, T);

        assertThat(d.statistic()).isCloseTo(0.15333333333333332, within(TOL));
        assertThat(d.pValue()).isCloseTo(0.032325721243343354, within(1e-10));
        assertThat(d.psi()).isCloseTo(0.1525720078246432, within(1e-10));
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void numericPsiMergesDuplicateDecileEdgesAndHandlesTies() {
        double[] ref = build(new double[] {1, 2, 3}, new int[] {50, 30, 20});
        double[] cur = build(new double[] {1, 2, 3, 4}, new int[] {20, 30, 40, 10});
        // r=[1]*50+[2]*30+[3]*20; c=[1]*20+[2]*30+[3]*40+[4]*10  (deciles 1,1,1,1,1.5,2,2,2.2,3 -> 5 edges)
        // stats.ks_2samp(r, c) -> statistic 0.3, pvalue 0.0002248739317492479
        // npsi(np.array(r,float), np.array(c,float)) -> 0.549774439124493
        FeatureDrift d = DriftTests.numeric("x", ref, cur, T);

        assertThat(d.statistic()).isCloseTo(0.3, within(TOL));
        assertThat(d.pValue()).isCloseTo(0.0002248739317492479, within(1e-12));
        assertThat(d.psi()).isCloseTo(0.549774439124493, within(1e-10));
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void numericDriftIgnoresMissingValues() {
        double[] withNaN = Arrays.copyOf(A, A.length + 2);
        withNaN[A.length] = Double.NaN;
        withNaN[A.length + 1] = Double.NaN;

        FeatureDrift d = DriftTests.numeric("x", withNaN, B, T);

        assertThat(d.referenceCount()).isEqualTo(25);
        assertThat(d.statistic()).isCloseTo(0.2852173913043478, within(TOL));
    }

    @Test
    void identicalSamplesDoNotDrift() {
        FeatureDrift d = DriftTests.numeric("x", A, A.clone(), T);

        assertThat(d.statistic()).isZero();
        assertThat(d.pValue()).isCloseTo(1.0, within(TOL));
        assertThat(d.psi()).isZero();
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void categoricalDriftMatchesTheHandComputedChiSquared() {
        List<String> ref = categories(new String[] {"A", "B", "C"}, new int[] {50, 30, 20});
        List<String> cur = categories(new String[] {"A", "B", "C"}, new int[] {40, 35, 25});
        cur.add(null);
        cur.add(null);
        // expected 50, 30, 20 vs observed 40, 35, 25:
        // chi2 = 100/50 + 25/30 + 25/20 = 4.083333...; df = 2, so p = exp(-chi2/2) = 0.129812176855438
        // stats.chisquare([40,35,25],[50,30,20]) -> 4.083333333333334, 0.12981217685543797
        // PSI = -0.1 ln 0.8 + 0.05 ln(35/30) + 0.05 ln 1.25 = 0.04117906668849437
        FeatureDrift d = DriftTests.categorical("city", ref, cur, T);

        assertThat(d.type()).isEqualTo("categorical");
        assertThat(d.test()).isEqualTo("chi2");
        assertThat(d.statistic()).isCloseTo(4.083333333333333, within(1e-12));
        assertThat(d.pValue()).isCloseTo(Math.exp(-4.083333333333333 / 2), within(1e-12));
        assertThat(d.psi()).isCloseTo(0.04117906668849437, within(1e-12));
        assertThat(d.referenceCount()).isEqualTo(100);
        assertThat(d.currentCount()).isEqualTo(100);
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void categoryUnseenInTheReferenceCountsAsDrift() {
        List<String> ref = categories(new String[] {"A", "B", "C"}, new int[] {50, 30, 20});
        List<String> cur = categories(new String[] {"A", "B", "C", "D"}, new int[] {40, 30, 20, 10});
        // reference shares .5, .3, .2 and 1e-4 for D, renormalized; expected = share / sum * 100
        // rs=np.array([.5,.3,.2,1e-4]); stats.chisquare([40,30,20,10], rs/rs.sum()*100) -> 9983.008199999998, 0.0
        // psi(rs, np.array([.4,.3,.2,.1])) -> 0.7123991075017365
        FeatureDrift d = DriftTests.categorical("city", ref, cur, T);

        assertThat(d.statistic()).isCloseTo(9983.008199999998, within(1e-8));
        assertThat(d.pValue()).isLessThan(1e-300);
        assertThat(d.psi()).isCloseTo(0.7123991075017365, within(1e-12));
        assertThat(d.drifted()).isTrue();
    }

    @Test
    void singleCategoryHasNothingToTest() {
        FeatureDrift d = DriftTests.categorical("c", List.of("a", "a"), List.of("a"), T);

        assertThat(d.statistic()).isZero();
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThat(d.drifted()).isFalse();
    }

    @Test
    void rejectsEmptySamples() {
        assertThatThrownBy(() -> DriftTests.numeric("age", new double[0], A, T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"age\"").hasMessageContaining("reference");
        assertThatThrownBy(() -> DriftTests.numeric("age", A, new double[] {Double.NaN}, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current");
        // one value is not a sample the KS test can use
        assertThatThrownBy(() -> DriftTests.numeric("age", A, new double[] {42.0}, T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2");
        assertThatThrownBy(() -> DriftTests.categorical("city", List.of("a"), Collections.singletonList(null), T))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current");
    }

    @Test
    void summarizesDatasetDriftByShareOfDriftedFeatures() {
        FeatureDrift yes = new FeatureDrift("a", "numeric", "ks", 0.5, 0.001, 0.3, 10, 10, true);
        FeatureDrift no = new FeatureDrift("b", "numeric", "ks", 0.1, 0.6, 0.01, 10, 10, false);

        assertThat(DriftReportCalculator.summarize(List.of(yes, no), T))
                .isEqualTo(new DatasetDrift(2, 1, 0.5, true));
        assertThat(DriftReportCalculator.summarize(List.of(yes, no, no), T))
                .isEqualTo(new DatasetDrift(3, 1, 1.0 / 3, false));
        assertThat(DriftReportCalculator.summarize(List.of(), T)).isEqualTo(new DatasetDrift(0, 0, 0.0, false));
    }

    private static double[] build(double[] values, int[] times) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            for (int n = 0; n < times[i]; n++) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> categories(String[] values, int[] times) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.addAll(Collections.nCopies(times[i], values[i]));
        }
        return out;
    }
}

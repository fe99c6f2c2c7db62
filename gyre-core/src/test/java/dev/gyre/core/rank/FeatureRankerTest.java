package dev.gyre.core.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Scores against mutual information worked out by hand on eight-row tables, in bits (Tribuo logs to base 2).
 *
 * <p>Notation: h(p) = -p log2 p - (1-p) log2 (1-p), the entropy of a two-way split, so
 * h(1/2) = 1, h(1/4) = 0.25*2 + 0.75*log2(4/3) = 0.5 + 0.311278 = 0.811278,
 * h(1/5) = 0.2*log2 5 + 0.8*log2(5/4) = 0.464386 + 0.257542 = 0.721928,
 * h(1/8) = 0.125*3 + 0.875*log2(8/7) = 0.375 + 0.168564 = 0.543564,
 * h(3/7) = (3/7)*log2(7/3) + (4/7)*log2(7/4) = 0.523882 + 0.461346 = 0.985228.
 * The label is a,a,a,a,b,b,b,b throughout, so H(Y) = h(1/2) = 1 bit, and I(X;Y) = H(Y) - H(Y|X), where H(Y|X) is
 * the entropy of the label within each value of X, weighted by how often X takes it.
 */
class FeatureRankerTest {
    private static final double EPS = 1e-9;
    private static final List<String> LABEL = List.of("a", "a", "a", "a", "b", "b", "b", "b");

    /*
     * row        1 2 3 4 5 6 7 8
     * label      a a a a b b b b
     * copy       a a a a b b b b   the label itself
     * noise      u v u v u v u v   u,v half and half within each class
     * partial    0 1 1 1 0 0 0 0   1 only for a; 0 for one a and all four b
     *
     * I(copy;Y)    = 1 - 0                                    = 1 bit: knowing copy leaves nothing unknown
     * I(noise;Y)   = 1 - (4/8 h(1/2) + 4/8 h(1/2)) = 1 - 1    = 0: each value splits a/b half and half
     * I(partial;Y) = 1 - (3/8 * 0 + 5/8 * h(1/5))             : partial=1 is three a's (pure); partial=0 is 1 a, 4 b
     *              = 1 - 0.625 * 0.721928 = 1 - 0.451205      = 0.548795
     */
    @Test
    void mimScoresAreTheMutualInformationWorkedOutByHand() {
        List<FeatureColumn> features = List.of(
                categorical("noise", "u", "v", "u", "v", "u", "v", "u", "v"),
                numeric("partial", 0, 1, 1, 1, 0, 0, 0, 0),
                categorical("copy", "a", "a", "a", "a", "b", "b", "b", "b"));

        Ranking ranking = FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 3);

        assertThat(names(ranking)).containsExactly("copy", "partial", "noise");
        assertThat(ranking.features().get(0).score()).isCloseTo(1.0, within(EPS));
        assertThat(ranking.features().get(1).score()).isCloseTo(1 - 5.0 / 8 * h(1.0 / 5), within(EPS))
                .isCloseTo(0.548795, within(1e-6));
        assertThat(ranking.features().get(2).score()).isCloseTo(0.0, within(EPS));
        assertThat(ranking.features()).extracting(FeatureScore::rank).containsExactly(1, 2, 3);
        assertThat(ranking.rows()).isEqualTo(8);
    }

    /*
     * row        1 2 3 4 5 6 7 8
     * label      a a a a b b b b
     * best       0 1 1 1 0 0 0 0   as "partial" above: wrong only about row 1
     * twin       0 1 1 1 1 0 0 0   best again, but wrong about row 5 too: a near duplicate
     * hint       1 0 0 0 0 0 0 0   flags row 1, the one best gets wrong
     *
     * Relevance, I(X;Y):
     *   best = 1 - 5/8 h(1/5)                           = 0.548795
     *   twin = 1 - (4/8 h(1/4) + 4/8 h(1/4))            = 0.188722  (twin=1: a,a,a,b; twin=0: a,b,b,b)
     *   hint = 1 - (1/8 * 0 + 7/8 h(3/7))               = 0.137925  (hint=0: 3 a, 4 b)
     * so MIM ranks best, twin, hint.
     *
     * Redundancy with best, I(X;best) = H(X) - H(X|best):
     *   twin: H(twin) = h(1/2) = 1; best=1 rows 2-4 all twin=1, best=0 rows 1,5-8 twin = 0,1,0,0,0
     *         → 1 - 5/8 h(1/5) = 0.548795 (as much as twin's relevance and more)
     *   hint: H(hint) = h(1/8) = 0.543564; best=1 rows all hint=0, best=0 rows hint = 1,0,0,0,0
     *         → 0.543564 - 5/8 h(1/5) = 0.543564 - 0.451205 = 0.092359
     * mRMR's second pick maximises relevance - redundancy:
     *   twin: 0.188722 - 0.548795 = -0.360073;   hint: 0.137925 - 0.092359 = 0.045566   → hint.
     * Third, twin alone: 0.188722 - (I(twin;best) + I(twin;hint)) / 2, where I(twin;hint) = 1 - 7/8 h(3/7)
     *   (hint=1: row 1 twin=0; hint=0: rows 2-8 twin = 1,1,1,1,0,0,0) = 0.137925
     *   → 0.188722 - (0.548795 + 0.137925) / 2 = 0.188722 - 0.343360 = -0.154638.
     *
     * JMI's second pick maximises I(X,best;Y):
     *   hint: (hint,best) = (1,0) only on row 1 (a), (0,1) rows 2-4 (a), (0,0) rows 5-8 (b): it fixes Y → 1 bit
     *   twin: (twin,best) = (0,0) rows 1,6,7,8 (a,b,b,b), (1,1) rows 2-4 (a), (1,0) row 5 (b)
     *         → 1 - 4/8 h(1/4) = 1 - 0.405639 = 0.594361                          → hint, score 1.
     * Third, twin: (I(twin,best;Y) + I(twin,hint;Y)) / 2; (twin,hint) = (0,1) row 1 (a), (1,0) rows 2-5
     *   (a,a,a,b), (0,0) rows 6-8 (b) → 1 - 4/8 h(1/4) = 0.594361, so the mean is 0.594361.
     *
     * CMIM's score is Fleuret's: the least of I(X;Y) and I(X;Y|S) over the features S picked, where
     * I(X;Y|best) = I(X,best;Y) - I(best;Y). Second pick:
     *   hint: min(0.137925, 1 - 0.548795 = 0.451205) = 0.137925
     *   twin: min(0.188722, 0.594361 - 0.548795 = 0.045566) = 0.045566             → hint, score 0.137925.
     * Third, twin: min(0.188722, 0.045566, I(twin;Y|hint) = 0.594361 - 0.137925 = 0.456436) = 0.045566.
     */
    @Test
    void mrmrJmiAndCmimPassOverTheNearDuplicateThatMimRanksSecond() {
        List<FeatureColumn> features = List.of(
                numeric("best", 0, 1, 1, 1, 0, 0, 0, 0),
                numeric("twin", 0, 1, 1, 1, 1, 0, 0, 0),
                categorical("hint", "y", "n", "n", "n", "n", "n", "n", "n"));
        double best = 1 - 5.0 / 8 * h(1.0 / 5);
        double twin = 1 - h(1.0 / 4);
        double hint = 1 - 7.0 / 8 * h(3.0 / 7);
        double twinBest = 1 - 5.0 / 8 * h(1.0 / 5);
        double hintBest = h(1.0 / 8) - 5.0 / 8 * h(1.0 / 5);
        double twinHint = 1 - 7.0 / 8 * h(3.0 / 7);
        double jointTwinBest = 1 - 4.0 / 8 * h(1.0 / 4);
        double jointTwinHint = 1 - 4.0 / 8 * h(1.0 / 4);

        Ranking mim = FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 3);
        assertThat(names(mim)).containsExactly("best", "twin", "hint");
        assertThat(scores(mim)).containsExactly(new double[] {best, twin, hint}, within(EPS));
        assertThat(scores(mim)).containsExactly(new double[] {0.548795, 0.188722, 0.137925}, within(1e-6));

        Ranking mrmr = FeatureRanker.rank(LABEL, features, RankingMethod.MRMR, 3);
        assertThat(names(mrmr)).containsExactly("best", "hint", "twin");
        assertThat(scores(mrmr)).containsExactly(new double[] {
                best, hint - hintBest, twin - (twinBest + twinHint) / 2}, within(EPS));
        assertThat(scores(mrmr)).containsExactly(new double[] {0.548795, 0.045566, -0.154638}, within(1e-6));

        Ranking jmi = FeatureRanker.rank(LABEL, features, RankingMethod.JMI, 3);
        assertThat(names(jmi)).containsExactly("best", "hint", "twin");
        assertThat(scores(jmi)).containsExactly(new double[] {best, 1.0, (jointTwinBest + jointTwinHint) / 2},
                within(EPS));

        Ranking cmim = FeatureRanker.rank(LABEL, features, RankingMethod.CMIM, 3);
        assertThat(names(cmim)).containsExactly("best", "hint", "twin");
        assertThat(scores(cmim)).containsExactly(new double[] {best, Math.min(hint, 1.0 - best),
                Math.min(twin, Math.min(jointTwinBest - best, jointTwinHint - hint))}, within(EPS));
        assertThat(scores(cmim)).containsExactly(new double[] {0.548795, 0.137925, 0.045566}, within(1e-6));
    }

    @Test
    void kRanksOnlyTheBest() {
        List<FeatureColumn> features = List.of(
                numeric("best", 0, 1, 1, 1, 0, 0, 0, 0),
                numeric("twin", 0, 1, 1, 1, 1, 0, 0, 0),
                categorical("hint", "y", "n", "n", "n", "n", "n", "n", "n"));

        assertThat(names(FeatureRanker.rank(LABEL, features, RankingMethod.MRMR, 2))).containsExactly("best", "hint");
        assertThat(names(FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 1))).containsExactly("best");
        assertThatThrownBy(() -> FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalScoresGoByName() {
        List<FeatureColumn> features = List.of(
                categorical("zeta", "a", "a", "a", "a", "b", "b", "b", "b"),
                categorical("alpha", "a", "a", "a", "a", "b", "b", "b", "b"),
                categorical("mid", "a", "a", "a", "a", "b", "b", "b", "b"));
        for (RankingMethod method : RankingMethod.values()) {
            assertThat(names(FeatureRanker.rank(LABEL, features, method, 3))).as(method.id())
                    .containsExactly("alpha", "mid", "zeta");
        }
    }

    /*
     * 20 rows, x = 0..19, label a for x < 10. Ten equal-width bins over [0, 19] are 1.9 wide: x = 9 falls in
     * floor(9 / 1.9) = 4 and x = 10 in floor(10 / 1.9) = 5, so no bin holds both classes and I(x;Y) = H(Y) = 1 bit.
     * The same x with 20 categories (one per value) gives 1 bit too; y = x mod 2 tells nothing: 0 bits.
     */
    @Test
    void numbersAreBinnedIntoTenEqualWidthBins() {
        double[] x = new double[20];
        List<String> label = new ArrayList<>();
        double[] parity = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = i;
            parity[i] = i % 2;
            label.add(i < 10 ? "a" : "b");
        }
        assertThat(Discretisation.numeric(x, all(20)))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10);

        Ranking ranking = FeatureRanker.rank(label, List.of(new FeatureColumn.Numeric("x", x),
                new FeatureColumn.Numeric("parity", parity)), RankingMethod.MIM, 2);

        assertThat(names(ranking)).containsExactly("x", "parity");
        assertThat(scores(ranking)).containsExactly(new double[] {1.0, 0.0}, within(EPS));
    }

    /*
     * "seen" is missing exactly on the b rows; its present values are all 5. Missing has a code of its own, so
     * seen splits a from b: 1 bit. Were missing values dropped or merged with 5, it would tell nothing.
     */
    @Test
    void aMissingValueIsAValueOfItsOwn() {
        double nan = Double.NaN;
        List<FeatureColumn> features = List.of(
                numeric("seen", 5, 5, 5, 5, nan, nan, nan, nan),
                categorical("said", "x", "x", "x", "x", null, "", null, " "));

        Ranking ranking = FeatureRanker.rank(LABEL, features, RankingMethod.MIM, 2);

        assertThat(scores(ranking)).containsExactly(new double[] {1.0, 1.0}, within(EPS));
        assertThat(Discretisation.numeric(new double[] {5, nan, 7}, all(3))).containsExactly(1, 11, 10);
    }

    @Test
    void rowsWithoutALabelAreLeftOut() {
        List<String> label = Arrays.asList("a", "a", null, "a", "b", "b", " ", "b", "b");
        List<FeatureColumn> features = List.of(
                categorical("copy", "a", "a", "b", "a", "b", "b", "a", "b", "b"));

        Ranking ranking = FeatureRanker.rank(label, features, RankingMethod.MIM, 1);

        assertThat(ranking.rows()).isEqualTo(7);
        assertThat(ranking.rowsSkipped()).isEqualTo(2);
        assertThat(FeatureRanker.labelled(label)).isEqualTo(7);
        assertThat(ranking.features().get(0).score()).isCloseTo(h(3.0 / 7), within(EPS)); // = H(Y), 3 a and 4 b
    }

    @Test
    void categoriesBeyondTheFiftyMostFrequentShareOneCode() {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            for (int n = 0; n < (c < 50 ? 3 : 1); n++) { // 50 categories seen three times, 10 seen once
                values.add("c" + c);
            }
        }
        values.add(null);
        int[] codes = Discretisation.categorical(values, all(values.size()));

        assertThat(Arrays.stream(codes).distinct().count()).isEqualTo(52);
        assertThat(Arrays.stream(codes, 150, 160).distinct().toArray()).containsExactly(51); // "other"
        assertThat(codes[160]).isEqualTo(52); // missing
        assertThat(Arrays.stream(codes).max().getAsInt()).isEqualTo(Discretisation.MAX_CODES);
    }

    @Test
    void theRowCapShrinksWithManyFeatures() {
        assertThat(FeatureRanker.rowCap(3)).isEqualTo(200_000);
        assertThat(FeatureRanker.rowCap(10)).isEqualTo(200_000);
        assertThat(FeatureRanker.rowCap(100)).isEqualTo(20_000);
    }

    private static double h(double p) {
        return -p * log2(p) - (1 - p) * log2(1 - p);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static int[] all(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    private static FeatureColumn numeric(String name, double... values) {
        return new FeatureColumn.Numeric(name, values);
    }

    private static FeatureColumn categorical(String name, String... values) {
        return new FeatureColumn.Categorical(name, Arrays.asList(values));
    }

    private static List<String> names(Ranking ranking) {
        return ranking.features().stream().map(FeatureScore::name).toList();
    }

    private static double[] scores(Ranking ranking) {
        return ranking.features().stream().mapToDouble(FeatureScore::score).toArray();
    }
}

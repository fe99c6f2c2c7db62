package dev.gyre.core.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.gyre.core.table.Categories;
import org.tribuo.FeatureSelector;
import org.tribuo.MutableDataset;
import org.tribuo.SelectedFeatureSet;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.fs.CMIM;
import org.tribuo.classification.fs.JMI;
import org.tribuo.classification.fs.MIM;
import org.tribuo.classification.fs.mRMR;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Ranks feature columns by their relevance to a categorical label with Tribuo's information-theoretic selectors.
 * Scores are in bits (Tribuo's {@code InformationTheory} logs to base 2). Rows whose label is missing are left out.
 * Ties go to the feature whose name sorts first: Tribuo numbers features by name and keeps the first best.
 *
 * <p>Tribuo's selectors discretise every feature themselves, into {@code numBins} equal-width bins over its
 * {@code [min, max]}. That would merge categories once a column had more of them than bins, and has no place for a
 * missing value, so Gyre codes each column first ({@link Discretisation}) and sets {@code numBins} to the largest
 * code: a column's codes span at most {@code numBins - 1}, so Tribuo's bins are narrower than 1 and each code keeps
 * a bin of its own. Tribuo's binning is then a relabelling, which leaves every score unchanged.
 *
 * <p>Memory: the codes take 4 bytes a cell, the Tribuo dataset about 16 more; the caller bounds the cells with
 * {@link #rowCap}.
 */
public final class FeatureRanker {
    /** The most rows a ranking reads; a larger version is sampled. */
    public static final int MAX_ROWS = 200_000;
    /** The most cells (rows × features) a ranking reads; with many features, fewer rows than {@link #MAX_ROWS}. */
    public static final int MAX_CELLS = 2_000_000;

    private FeatureRanker() {
    }

    /** The most rows to rank {@code features} features on: {@link #MAX_ROWS}, fewer when cells would exceed the cap. */
    public static int rowCap(int features) {
        return Math.max(1, Math.min(MAX_ROWS, MAX_CELLS / Math.max(1, features)));
    }

    /** How many of {@code labels} are present, that is, how many rows a ranking would use. */
    public static int labelled(List<String> labels) {
        int n = 0;
        for (String label : labels) {
            if (Categories.of(label) != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * The {@code k} best features by {@code method}, best first.
     *
     * @param labels   the label per row, null where missing; at least one present
     * @param features the columns to rank, each as long as {@code labels}, names distinct
     * @param k        how many to rank, 1 to {@code features.size()}
     */
    public static Ranking rank(List<String> labels, List<FeatureColumn> features, RankingMethod method, int k) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no features to rank");
        }
        if (k < 1 || k > features.size()) {
            throw new IllegalArgumentException("k must be 1 to " + features.size() + ", not " + k);
        }
        Set<String> names = new HashSet<>();
        for (FeatureColumn feature : features) {
            if (!names.add(feature.name())) {
                throw new IllegalArgumentException("two features are named '" + feature.name() + "'");
            }
            if (feature.size() != labels.size()) {
                throw new IllegalArgumentException("feature '" + feature.name() + "' has " + feature.size()
                        + " values for " + labels.size() + " labels");
            }
        }
        List<String> present = new ArrayList<>(labels.size());
        int[] rows = labelledRows(labels, present);
        if (rows.length == 0) {
            throw new IllegalArgumentException("no row has a label");
        }

        int[][] codes = new int[features.size()][];
        int largest = 2; // Tribuo wants at least two bins
        for (int f = 0; f < codes.length; f++) {
            codes[f] = Discretisation.codes(features.get(f), rows);
            for (int code : codes[f]) {
                largest = Math.max(largest, code);
            }
        }
        // MIM scores every feature anyway; asking for all lets equal scores at the k-th place be ordered by name
        int asked = method == RankingMethod.MIM ? features.size() : k;
        SelectedFeatureSet selected = selector(method, asked, largest).select(dataset(features, codes, present));

        List<FeatureScore> ranked = new ArrayList<>(k);
        List<String> selectedNames = selected.featureNames();
        List<Double> scores = selected.featureScores();
        for (int i = 0; i < selectedNames.size(); i++) {
            ranked.add(new FeatureScore(selectedNames.get(i), scores.get(i), i + 1));
        }
        if (method == RankingMethod.MIM) {
            ranked = byScoreThenName(ranked).subList(0, k); // MIM's sort leaves the order of equal scores open
        }
        return new Ranking(method, rows.length, labels.size() - rows.length, ranked);
    }

    private static int[] labelledRows(List<String> labels, List<String> present) {
        int[] rows = new int[labels.size()];
        int n = 0;
        for (int i = 0; i < labels.size(); i++) {
            String label = Categories.of(labels.get(i));
            if (label != null) {
                rows[n++] = i;
                present.add(label);
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    private static MutableDataset<Label> dataset(List<FeatureColumn> features, int[][] codes, List<String> labels) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("gyre feature ranking", factory), factory);
        String[] names = features.stream().map(FeatureColumn::name).toArray(String[]::new);
        double[] values = new double[names.length]; // ArrayExample copies it
        for (int i = 0; i < labels.size(); i++) {
            for (int f = 0; f < names.length; f++) {
                values[f] = codes[f][i];
            }
            dataset.add(new ArrayExample<>(new Label(labels.get(i)), names, values));
        }
        return dataset;
    }

    /** One computation thread: the request's own, on a machine whose cores the engine and other requests share. */
    private static FeatureSelector<Label> selector(RankingMethod method, int k, int numBins) {
        switch (method) {
            case MIM:
                return new MIM(k, numBins); // 4.3's order; (numBins, k) in later sources
            case JMI:
                return new JMI(k, numBins, 1);
            case CMIM:
                return new CMIM(k, numBins, 1);
            case MRMR:
                return new mRMR(k, numBins, 1);
            default:
                throw new IllegalArgumentException("no selector for " + method);
        }
    }

    private static List<FeatureScore> byScoreThenName(List<FeatureScore> ranked) {
        List<FeatureScore> sorted = new ArrayList<>(ranked);
        sorted.sort(Comparator.comparingDouble(FeatureScore::score).reversed().thenComparing(FeatureScore::name));
        List<FeatureScore> renumbered = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            renumbered.add(new FeatureScore(sorted.get(i).name(), sorted.get(i).score(), i + 1));
        }
        return renumbered;
    }
}

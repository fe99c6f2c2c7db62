package dev.gyre.core.rank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The selection criteria, each Tribuo's selector of the same name in {@code org.tribuo.classification.fs}. */
public enum RankingMethod {
    /** Mutual information maximisation: each feature on its own, scored I(X;Y). */
    MIM("mim"),
    /** Joint mutual information: the mean over the features already picked of I(X,S;Y). */
    JMI("jmi"),
    /**
     * Conditional mutual information maximisation (Fleuret's): the least of I(X;Y) and I(X;Y|S) over the features
     * already picked.
     */
    CMIM("cmim"),
    /** Minimum redundancy maximum relevance: I(X;Y) less the mean I(X;S) over the features already picked. */
    MRMR("mrmr");

    private final String id;

    RankingMethod(String id) {
        this.id = id;
    }

    /** The name in a request and a response, e.g. {@code mrmr}. */
    public String id() {
        return id;
    }

    /** The method named {@code name} (in any case), empty if none is. */
    public static Optional<RankingMethod> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

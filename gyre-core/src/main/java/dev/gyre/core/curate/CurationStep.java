package dev.gyre.core.curate;

import java.util.List;
import java.util.Map;

/** One step of a recipe. Each names its columns; the JSON form is {@code {op: "...", ...}}. */
public sealed interface CurationStep {
    /** The operation's name as a recipe spells it. */
    String op();

    /** Keeps the first of rows equal on {@code columns} (all columns when empty). */
    record Dedupe(List<String> columns) implements CurationStep {
        public String op() {
            return "dedupe";
        }
    }

    /** Drops rows missing a value in any of {@code columns} (the dataset's label when empty). */
    record DropMissing(List<String> columns) implements CurationStep {
        public String op() {
            return "dropMissing";
        }
    }

    /** How a missing value is filled. */
    enum Strategy { MEAN, MEDIAN, MODE, CONSTANT }

    /** Fills missing values of {@code columns}; {@code value} is the constant's text for CONSTANT. */
    record Impute(List<String> columns, Strategy strategy, String value) implements CurationStep {
        public String op() {
            return "impute";
        }
    }

    /** Removes leading and trailing spaces from text values. */
    record Trim(List<String> columns) implements CurationStep {
        public String op() {
            return "trim";
        }
    }

    /** Makes text values lower or upper case. */
    record Case(List<String> columns, boolean upper) implements CurationStep {
        public String op() {
            return "case";
        }
    }

    /** Renames columns, old name to new. */
    record Rename(Map<String, String> columns) implements CurationStep {
        public String op() {
            return "rename";
        }
    }

    /** Removes columns. */
    record Drop(List<String> columns) implements CurationStep {
        public String op() {
            return "drop";
        }
    }

    /** How outliers are found. */
    enum OutlierMethod { IQR, ZSCORE }

    /**
     * Clips or drops numeric values outside [q1 − k·IQR, q3 + k·IQR] (IQR, k 1.5 unless given) or mean ± k·std
     * (ZSCORE, k 3 unless given), the bounds fitted on the column as this step receives it.
     */
    record Outliers(List<String> columns, OutlierMethod method, boolean clip, double threshold)
            implements CurationStep {
        public String op() {
            return "outliers";
        }
    }
}

package dev.gyre.core.curate;

import java.util.List;
import java.util.Map;

import dev.gyre.core.rank.RankingMethod;
import dev.gyre.core.table.ColumnType;

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

    /** Keeps the rows where {@code expression}, a boolean, is true (false and null are dropped). */
    record Filter(Expression expression) implements CurationStep {
        public String op() {
            return "filter";
        }
    }

    /** Adds {@code column}, or replaces it if it exists, with the value of {@code expression} on each row. */
    record Derive(String column, Expression expression) implements CurationStep {
        public String op() {
            return "derive";
        }
    }

    /**
     * Rewrites text dates as ISO text ({@code yyyy-MM-dd}, or {@code yyyy-MM-dd HH:mm:ss} when a value has a time of
     * day): read with {@code format} (a strptime format such as {@code %d/%m/%Y}), or, when it is null, as ISO-8601
     * dates and date-times.
     */
    record ParseDates(List<String> columns, String format) implements CurationStep {
        public String op() {
            return "parseDates";
        }
    }

    /** A part of a date; {@link #json()} is its name in a recipe and the suffix of the column it makes. */
    enum DatePart {
        YEAR("year"), MONTH("month"), DAY("day"), DAY_OF_WEEK("dayOfWeek"), HOUR("hour");

        private final String json;

        DatePart(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** Adds a numeric column {@code <column>_<part>} per part of an ISO date column (day of week: Monday 1). */
    record DateParts(String column, List<DatePart> parts) implements CurationStep {
        public String op() {
            return "dateParts";
        }
    }

    /** Changes the types of columns, name to new type, in the order given. */
    record Cast(Map<String, ColumnType> columns) implements CurationStep {
        public String op() {
            return "cast";
        }
    }

    /** How bin edges are fitted. */
    enum BinMethod { UNIFORM, QUANTILE }

    /**
     * Adds the numeric column {@code into} holding each value's bin, 0 to {@code bins} − 1, the edges fitted on the
     * training rows: equal widths between the minimum and maximum (UNIFORM) or at quantiles (QUANTILE).
     */
    record Bin(String column, int bins, BinMethod method, String into) implements CurationStep {
        public String op() {
            return "bin";
        }
    }

    /**
     * Keeps the label and the {@code k} feature columns that rank best against it by {@code method}, ranked on the
     * training rows (Tribuo's information-theoretic selectors, as {@code feature-ranking} does); drops the rest.
     * {@code label} is the dataset's label when null.
     */
    record Select(String label, RankingMethod method, int k) implements CurationStep {
        public String op() {
            return "select";
        }
    }
}

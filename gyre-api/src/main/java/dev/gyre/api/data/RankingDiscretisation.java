package dev.gyre.api.data;

/**
 * How a ranking discretised the columns: numeric columns into {@code numericBins} bins of one kind
 * ({@code numeric}, {@code "equal-width"}), categorical and boolean columns one value per category up to
 * {@code maxCategories} (the rest sharing one), and missing values ({@code missing}, {@code "own-value"}) as a value
 * of their own.
 */
public record RankingDiscretisation(String numeric, int numericBins, int maxCategories, String missing) {
}

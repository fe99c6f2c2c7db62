package dev.gyre.data.version;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A version's profile as stored in its jsonb {@code profile}, apart from the wire's DatasetProfileResponse: the
 * field names, the wire spelling of {@code type} and the omitted null statistics are the ones rows were written with.
 */
record StoredProfile(long rows, List<Column> columns) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Column(String name, String type, long count, long missing, long distinct,
                  Double mean, Double std, Double min, Double max,
                  Map<String, Double> quantiles, List<Bin> histogram, List<ValueCount> topValues,
                  Boolean distinctApproximate) {
    }

    record Bin(double lower, double upper, long count) {
    }

    record ValueCount(String value, long count) {
    }
}

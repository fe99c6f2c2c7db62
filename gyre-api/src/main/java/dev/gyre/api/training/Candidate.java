package dev.gyre.api.training;

import java.util.Map;

/** An algorithm to try, with fixed {@code params} (and, later, a {@code search} space). */
public record Candidate(String algorithm, Map<String, Object> params, Map<String, Object> search) {
}

package dev.gyre.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.gyre.api.training.Candidate;

/**
 * One run to make: a candidate's algorithm with one point of its search grid. A candidate without
 * {@code search} is one trial with its {@code params}; with {@code search: {p: [v1, v2], q: [w1]}} it
 * is one trial per combination, the searched values overriding {@code params}.
 */
record Trial(int candidate, String algorithm, Map<String, Object> params) {

    /** The trials of the candidates, in a fixed order (search keys sorted: jsonb keeps no key order). */
    static List<Trial> of(List<Candidate> candidates) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Map<String, Object> base = c.params() == null ? Map.of() : c.params();
            List<Map<String, Object>> points = new ArrayList<>();
            points.add(new LinkedHashMap<>(new TreeMap<>(base)));
            if (c.search() != null) {
                for (Map.Entry<String, Object> axis : new TreeMap<>(c.search()).entrySet()) {
                    List<Map<String, Object>> next = new ArrayList<>();
                    for (Map<String, Object> point : points) {
                        for (Object value : values(axis.getValue())) {
                            Map<String, Object> p = new LinkedHashMap<>(point);
                            p.put(axis.getKey(), value);
                            next.add(p);
                        }
                    }
                    points = next;
                }
            }
            for (Map<String, Object> point : points) {
                trials.add(new Trial(i, c.algorithm(), point));
            }
        }
        return trials;
    }

    /** A search axis's values; the validator has made sure it is a non-empty list. */
    static List<?> values(Object axis) {
        return axis instanceof List<?> list ? list : List.of(axis);
    }
}

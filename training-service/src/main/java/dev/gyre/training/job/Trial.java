package dev.gyre.training.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.gyre.api.training.Candidate;
import dev.gyre.core.ml.AlgorithmCatalog;
import dev.gyre.core.ml.SearchSpace;
import dev.gyre.core.ml.Task;

/**
 * One run to make: a candidate's algorithm with one point of its search. A candidate without {@code search} is
 * one trial with its {@code params}; with a search (see {@link SearchSpace}) it is one trial per point, the
 * searched values overriding {@code params}.
 */
record Trial(int candidate, String algorithm, Map<String, Object> params) {

    /**
     * The trials of the validated candidates, in a fixed order: the same candidates and seed give the same trials.
     *
     * @param seed the job's seed, which a random search that names none draws from
     */
    static List<Trial> of(List<Candidate> candidates, Task task, AlgorithmCatalog catalog, long seed) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Map<String, Object> base = new TreeMap<>(c.params() == null ? Map.of() : c.params());
            if (c.search() == null) {
                trials.add(new Trial(i, c.algorithm(), new LinkedHashMap<>(base)));
                continue;
            }
            var algorithm = catalog.find(task, c.algorithm()).orElseThrow();
            for (Map<String, Object> point : SearchSpace.parse(c.search()).points(algorithm::takesIntegers, seed)) {
                Map<String, Object> params = new LinkedHashMap<>(base);
                params.putAll(point);
                trials.add(new Trial(i, c.algorithm(), params));
            }
        }
        return trials;
    }
}

package dev.gyre.core.ml;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSpaceTest {

    @Test
    void theOlderGridFormIsEveryCombinationWithTheFirstNameVaryingSlowest() {
        SearchSpace grid = SearchSpace.parse(Map.of("maxDepth", List.of(2, 4), "impurity", List.of("gini", "entropy")));
        assertThat(grid.kind()).isEqualTo(SearchSpace.Kind.GRID);
        assertThat(grid.size()).isEqualTo(4);
        assertThat(grid.points(name -> false, 1)).containsExactly(
                Map.of("impurity", "gini", "maxDepth", 2), Map.of("impurity", "gini", "maxDepth", 4),
                Map.of("impurity", "entropy", "maxDepth", 2), Map.of("impurity", "entropy", "maxDepth", 4));
    }

    @Test
    void aRandomSearchDrawsItsTrialsInsideTheRangesLogUniformlyAndWholeForIntegers() {
        SearchSpace random = SearchSpace.parse(Map.of("type", "random", "trials", 200, "seed", 7, "space", Map.of(
                "C", Map.of("min", 0.01, "max", 100, "log", true),
                "k", Map.of("min", 1, "max", 30),
                "kernel", List.of("rbf", "linear"))));
        List<Map<String, Object>> points = random.points("k"::equals, 99);
        assertThat(points).hasSize(200);
        int belowOne = 0;
        for (Map<String, Object> p : points) {
            double c = (Double) p.get("C");
            assertThat(c).isBetween(0.01, 100.0);
            belowOne += c < 1 ? 1 : 0;
            assertThat(p.get("k")).isInstanceOf(Integer.class);
            assertThat((Integer) p.get("k")).isBetween(1, 30);
            assertThat(p.get("kernel")).isIn("rbf", "linear");
        }
        // log-uniform over four decades: half the draws below 1 (a uniform draw would give 1%)
        assertThat(belowOne).isBetween(70, 130);
        // the seed decides the points: the same again, and another seed gives others
        assertThat(random.points("k"::equals, 99)).isEqualTo(points);
        SearchSpace other = SearchSpace.parse(Map.of("type", "random", "trials", 200, "seed", 8,
                "space", Map.of("C", Map.of("min", 0.01, "max", 100, "log", true))));
        assertThat(other.points(n -> false, 99).get(0).get("C")).isNotEqualTo(points.get(0).get("C"));
    }

    @Test
    void aRandomSearchWithoutASeedDrawsFromTheJobsSeed() {
        SearchSpace random = SearchSpace.parse(Map.of("type", "random", "space", Map.of("eta", Map.of("min", 0.1, "max", 1))));
        assertThat(random.size()).isEqualTo(SearchSpace.DEFAULT_TRIALS);
        assertThat(random.points(n -> false, 5)).isEqualTo(random.points(n -> false, 5))
                .isNotEqualTo(random.points(n -> false, 6));
    }

    @Test
    void aRandomSearchOverListsDrawsGridPointsWithoutRepeatingOne() {
        SearchSpace random = SearchSpace.parse(Map.of("type", "random", "trials", 50, "space",
                Map.of("maxDepth", List.of(2, 4, 6), "impurity", List.of("gini", "entropy"))));
        assertThat(random.size()).isEqualTo(6);
        List<Map<String, Object>> points = random.points(n -> true, 3);
        assertThat(new HashSet<>(points)).hasSize(6);
        SearchSpace three = SearchSpace.parse(Map.of("type", "random", "trials", 3, "space",
                Map.of("maxDepth", List.of(2, 4, 6), "impurity", List.of("gini", "entropy"))));
        assertThat(new HashSet<>(three.points(n -> true, 3))).hasSize(3);
    }

    @Test
    void refusesWhatCannotBeSearchedNamingTheField() {
        assertInvalid(Map.of(), "");
        assertInvalid(Map.of("maxDepth", List.of()), "maxDepth");
        assertInvalid(Map.of("maxDepth", 3), "maxDepth");
        assertInvalid(Map.of("type", "bayes", "space", Map.of("C", List.of(1))), "type");
        assertInvalid(Map.of("type", "grid", "space", Map.of("C", Map.of("min", 1, "max", 2))), "space.C");
        assertInvalid(Map.of("type", "grid", "trials", 3, "space", Map.of("C", List.of(1))), "trials");
        assertInvalid(Map.of("type", "random", "trials", 0, "space", Map.of("C", List.of(1))), "trials");
        assertInvalid(Map.of("type", "random", "space", Map.of()), "space");
        assertInvalid(Map.of("type", "random", "space", Map.of("C", Map.of("min", 2, "max", 1))), "space.C");
        assertInvalid(Map.of("type", "random", "space", Map.of("C", Map.of("min", 0, "max", 1, "log", true))), "space.C.min");
        assertInvalid(Map.of("type", "random", "space", Map.of("C", Map.of("min", "a", "max", 1))), "space.C.min");
        assertInvalid(Map.of("type", "random", "space", Map.of("C", Map.of("min", 1, "max", 2, "step", 1))), "space.C");
        assertInvalid(Map.of("type", "random", "budget", 3, "space", Map.of("C", List.of(1))), "budget");
    }

    private static void assertInvalid(Map<String, ?> search, String field) {
        assertThatThrownBy(() -> SearchSpace.parse(search)).isInstanceOfSatisfying(SearchSpace.Invalid.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }
}

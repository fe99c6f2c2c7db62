package dev.gyre.core.ml;

import java.util.List;

import dev.gyre.core.ml.ParamSpec.Bound;
import dev.gyre.core.ml.ParamSpec.ChoiceParam;
import dev.gyre.core.ml.ParamSpec.IntParam;
import dev.gyre.core.ml.ParamSpec.RealParam;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamSpecTest {

    @Test
    void showsEachKindOfRangeInTheCatalogsNotation() {
        assertThat(new IntParam("n", 3, 1, 10).describe()).isEqualTo(new Hyperparameter("n", "int", 3, "[1, 10]"));
        assertThat(new RealParam("r", 0.5, Bound.exclusive(0), Bound.exclusive(1)).describe().range()).isEqualTo("(0, 1)");
        assertThat(new RealParam("r", 0.5, Bound.inclusive(0.01), Bound.inclusive(1)).describe().range()).isEqualTo("[0.01, 1]");
        assertThat(new RealParam("r", 5.0, Bound.inclusive(0), Bound.INFINITY).describe()).isEqualTo(
                new Hyperparameter("r", "double", 5.0, "[0, inf)"));
        assertThat(new ChoiceParam("c", "b", List.of("a", "b")).describe()).isEqualTo(new Hyperparameter("c", "string", "b", "a|b"));
    }

    @Test
    void givesTheDefaultForNothingAndTheParametersJavaTypeForAnyJsonNumber() {
        IntParam n = new IntParam("n", 3, 1, 10);
        assertThat(n.resolve(null)).isEqualTo(3);
        assertThat(List.of(n.resolve(4L), n.resolve(4.0), n.resolve(BigInteger.valueOf(4)), n.resolve(new BigDecimal("4.00"))))
                .containsOnly(4);
        RealParam r = new RealParam("r", 0.5, Bound.exclusive(0), Bound.inclusive(1));
        assertThat(r.resolve(1)).isEqualTo(1.0);
        assertThat(r.resolve(null)).isEqualTo(0.5);
        assertThatThrownBy(() -> r.resolve(Double.NaN)).hasMessage("hyperparameter 'r' must be a number, got NaN");
        assertThatThrownBy(() -> r.resolve(0)).hasMessage("hyperparameter 'r' must be in (0, 1], got 0");
        assertThatThrownBy(() -> n.resolve(new BigDecimal("4.5"))).hasMessage("hyperparameter 'n' must be an integer, got 4.5");
        assertThatThrownBy(() -> new ChoiceParam("c", "a", List.of("a")).resolve(1))
                .hasMessage("hyperparameter 'c' must be one of a, got 1");
    }

    // a catalog entry whose default breaks its own rule is a programming error, caught when the catalog is built
    @Test
    void refusesADefaultOutsideItsOwnRange() {
        assertThatThrownBy(() -> new IntParam("n", 0, 1, 10)).hasMessageContaining("n: default 0 outside [1, 10]");
        assertThatThrownBy(() -> new RealParam("r", 1.0, Bound.exclusive(0), Bound.exclusive(1)))
                .hasMessageContaining("r: default 1.0 outside (0, 1)");
        assertThatThrownBy(() -> new ChoiceParam("c", "z", List.of("a", "b"))).hasMessageContaining("not one of [a, b]");
    }
}

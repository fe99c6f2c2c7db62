package dev.gyre.core.table;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoriesTest {

    @Test
    void spellsCellsAndJsonValuesAlike() {
        assertThat(Categories.of(" Torgersen ")).isEqualTo("Torgersen");
        assertThat(Categories.of("Torgersen")).isEqualTo("Torgersen");
        for (Object three : List.of(3, 3L, 3.0, 3.0f, new BigDecimal("3.00"), "3", " 3")) {
            assertThat(Categories.of(three)).as("%s", three).isEqualTo("3");
        }
        assertThat(Categories.of(true)).isEqualTo("true");
    }

    @Test
    void givesNullForMissingAndNonScalarValues() {
        for (Object missing : new Object[] {null, "", "  ", "NA", "null", Double.NaN, Map.of(), List.of()}) {
            assertThat(Categories.of(missing)).as("%s", missing).isNull();
        }
    }

    @Test
    void spellsBooleansFromCellsInAnyCase() {
        assertThat(Categories.ofBoolean(" TRUE ")).isEqualTo("true");
        assertThat(Categories.ofBoolean(false)).isEqualTo("false");
        assertThat(Categories.ofBoolean("yes")).isNull();
        assertThat(Categories.ofBoolean(1)).isNull();
    }
}

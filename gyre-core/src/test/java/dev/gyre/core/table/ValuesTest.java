package dev.gyre.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void parsesFiniteDecimalNumbers() {
        assertThat(Values.parseNumber("1")).isEqualTo(1.0);
        assertThat(Values.parseNumber("-2.5")).isEqualTo(-2.5);
        assertThat(Values.parseNumber("1e3")).isEqualTo(1000.0);
        assertThat(Values.parseNumber("  4.25 ")).isEqualTo(4.25);
        assertThat(Values.parseNumber(".5")).isEqualTo(0.5);
        assertThat(Values.parseNumber("+3.")).isEqualTo(3.0);
        assertThat(Values.parseNumber("-1.5E-2")).isEqualTo(-0.015);
    }

    @Test
    void rejectsWhatIsNotAPlainFiniteDecimal() {
        for (String s : new String[] {"0x10", "Infinity", "-Infinity", "NaN", "1d", "1f", "1e", "e3", ".", "-",
                "1,5", "1 000", "abc", "1e400", "", " ", null, "NA"}) {
            assertThat(Values.parseNumber(s)).as(s).isNull();
        }
    }

    @Test
    void parsesBooleansCaseInsensitively() {
        assertThat(Values.parseBoolean("true")).isTrue();
        assertThat(Values.parseBoolean("FALSE")).isFalse();
        assertThat(Values.parseBoolean(" True ")).isTrue();
        assertThat(Values.parseBoolean("yes")).isNull();
        assertThat(Values.parseBoolean("1")).isNull();
        assertThat(Values.parseBoolean(null)).isNull();
    }
}

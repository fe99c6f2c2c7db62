package dev.gyre.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gyre.core.table.Column;
import dev.gyre.core.table.ColumnType;
import dev.gyre.core.table.Table;
import dev.gyre.core.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilerTest {
    private static final double TOL = 1e-12;

    private static final TableSchema SCHEMA = new TableSchema(List.of(
            new Column("x", ColumnType.NUMERIC, true),
            new Column("city", ColumnType.CATEGORICAL, true),
            new Column("flag", ColumnType.BOOLEAN, true)));

    private static Table table() {
        return new Table(List.of("x", "city", "flag"), List.of(
                new String[] {"1", "b", "TRUE"},
                new String[] {"2", "a", "false"},
                new String[] {"3", "c", "true"},
                new String[] {"4", "a", null},
                new String[] {"10", "b", "true"},
                new String[] {null, "d", "False"},
                new String[] {"oops", null, "true"}));
    }

    @Test
    void computesNumericStatisticsOfOneTwoThreeFourTen() {
        ColumnProfile x = Profiler.profile(table(), SCHEMA).columns().get(0);

        // values 1,2,3,4,10 (null and the unparseable "oops" count as missing)
        assertThat(x.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(x.count()).isEqualTo(5);
        assertThat(x.missing()).isEqualTo(2);
        assertThat(x.distinct()).isEqualTo(5);
        // mean = 20 / 5 = 4
        assertThat(x.mean()).isCloseTo(4.0, within(TOL));
        // deviations -3,-2,-1,0,6 -> squares 9+4+1+0+36 = 50; sample variance 50/4 = 12.5; std = sqrt(12.5)
        assertThat(x.std()).isCloseTo(3.5355339059327378, within(TOL));
        assertThat(x.min()).isEqualTo(1.0);
        assertThat(x.max()).isEqualTo(10.0);
        // HF7: h = (n-1)p = 4p, value = x[floor h] + frac(h) * (x[floor h + 1] - x[floor h])
        // p01: h=0.04 -> 1.04; p05: h=0.2 -> 1.2; p25: h=1 -> 2; p50: h=2 -> 3; p75: h=3 -> 4;
        // p95: h=3.8 -> 4 + 0.8*6 = 8.8; p99: h=3.96 -> 4 + 0.96*6 = 9.76
        assertThat(x.quantiles()).containsOnlyKeys("p01", "p05", "p25", "p50", "p75", "p95", "p99");
        assertThat(x.quantiles().get("p01")).isCloseTo(1.04, within(TOL));
        assertThat(x.quantiles().get("p05")).isCloseTo(1.2, within(TOL));
        assertThat(x.quantiles().get("p25")).isCloseTo(2.0, within(TOL));
        assertThat(x.quantiles().get("p50")).isCloseTo(3.0, within(TOL));
        assertThat(x.quantiles().get("p75")).isCloseTo(4.0, within(TOL));
        assertThat(x.quantiles().get("p95")).isCloseTo(8.8, within(TOL));
        assertThat(x.quantiles().get("p99")).isCloseTo(9.76, within(TOL));
        assertThat(x.topValues()).isNull();
    }

    @Test
    void buildsTenEqualWidthBinsWithTheLastOneClosed() {
        List<HistogramBin> bins = Profiler.profile(table(), SCHEMA).columns().get(0).histogram();

        // width (10-1)/10 = 0.9: edges 1, 1.9, 2.8, 3.7, 4.6, ... 10
        // 1 -> [1,1.9); 2 -> [1.9,2.8); 3 -> [2.8,3.7); 4 -> [3.7,4.6); 10 -> last bin [9.1,10]
        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(HistogramBin::count).containsExactly(1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(bins.get(0).lower()).isEqualTo(1.0);
        assertThat(bins.get(1).lower()).isCloseTo(1.9, within(TOL));
        assertThat(bins.get(9).upper()).isEqualTo(10.0);
    }

    @Test
    void putsValuesOnAnInnerEdgeIntoTheUpperBin() {
        // 0..10: width 1, each integer k < 10 starts bin k; 10 closes the last bin with 9
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            rows.add(new String[] {Integer.toString(i)});
        }
        TableSchema schema = new TableSchema(List.of(new Column("v", ColumnType.NUMERIC, false)));

        List<HistogramBin> bins = Profiler.profile(new Table(List.of("v"), rows), schema).columns().get(0).histogram();

        assertThat(bins).extracting(HistogramBin::count).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 2L);
    }

    @Test
    void usesOneBinWhenAllValuesAreEqual() {
        TableSchema schema = new TableSchema(List.of(new Column("v", ColumnType.NUMERIC, false)));
        Table table = new Table(List.of("v"), List.of(new String[] {"5"}, new String[] {"5.0"}, new String[] {"5"}));

        ColumnProfile v = Profiler.profile(table, schema).columns().get(0);

        assertThat(v.histogram()).containsExactly(new HistogramBin(5, 5, 3));
        assertThat(v.std()).isEqualTo(0.0);
        assertThat(v.distinct()).isEqualTo(1);
    }

    @Test
    void countsCategoricalValuesWithTiesOrderedByValue() {
        ColumnProfile city = Profiler.profile(table(), SCHEMA).columns().get(1);

        // b, a, c, a, b, d, (missing): a=2, b=2, c=1, d=1
        assertThat(city.count()).isEqualTo(6);
        assertThat(city.missing()).isEqualTo(1);
        assertThat(city.distinct()).isEqualTo(4);
        assertThat(city.topValues()).containsExactly(
                new ValueCount("a", 2), new ValueCount("b", 2), new ValueCount("c", 1), new ValueCount("d", 1));
        assertThat(city.mean()).isNull();
        assertThat(city.quantiles()).isNull();
        assertThat(city.histogram()).isNull();
    }

    @Test
    void normalizesBooleanValues() {
        ColumnProfile flag = Profiler.profile(table(), SCHEMA).columns().get(2);

        // TRUE, false, true, (missing), true, False, true -> true=4, false=2
        assertThat(flag.count()).isEqualTo(6);
        assertThat(flag.missing()).isEqualTo(1);
        assertThat(flag.topValues()).containsExactly(new ValueCount("true", 4), new ValueCount("false", 2));
    }

    @Test
    void keepsOnlyTheTenMostFrequentValues() {
        List<String[]> rows = new ArrayList<>();
        for (int v = 0; v < 15; v++) {
            for (int n = 0; n <= v; n++) {
                rows.add(new String[] {"v" + (char) ('a' + v)});
            }
        }
        TableSchema schema = new TableSchema(List.of(new Column("c", ColumnType.CATEGORICAL, false)));

        ColumnProfile c = Profiler.profile(new Table(List.of("c"), rows), schema).columns().get(0);

        // value number v occurs v+1 times: the top ten are vo (15) down to vf (6)
        assertThat(c.distinct()).isEqualTo(15);
        assertThat(c.topValues()).hasSize(10);
        assertThat(c.topValues().get(0)).isEqualTo(new ValueCount("vo", 15));
        assertThat(c.topValues().get(9)).isEqualTo(new ValueCount("vf", 6));
    }

    @Test
    void profilesAnAllMissingNumericColumnWithoutStatistics() {
        TableSchema schema = new TableSchema(List.of(new Column("v", ColumnType.NUMERIC, true)));
        Table table = new Table(List.of("v"), List.of(new String[] {null}, new String[] {null}));

        DatasetProfile profile = Profiler.profile(table, schema);

        assertThat(profile.rows()).isEqualTo(2);
        ColumnProfile v = profile.columns().get(0);
        assertThat(v.count()).isZero();
        assertThat(v.missing()).isEqualTo(2);
        assertThat(v.mean()).isNull();
        assertThat(v.std()).isNull();
        assertThat(v.histogram()).isEmpty();
    }
}

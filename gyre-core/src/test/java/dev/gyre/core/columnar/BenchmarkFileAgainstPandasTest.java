package dev.gyre.core.columnar;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gyre.core.profile.ColumnProfile;
import dev.gyre.core.profile.DatasetProfile;
import dev.gyre.core.profile.ValueCount;
import dev.gyre.core.table.ColumnType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The profile of the ingest benchmark's file (bench/ingest/Generate.java, 1,000,000 rows, seed 42) against what
 * pandas computes on the same file. The reference figures were printed on 2026-12-03 by pandas 1.5.3 with numpy
 * 1.24.2 (Debian's python3-pandas): {@code df = pd.read_csv(file)}, {@code df.describe(include='all')},
 * {@code df.isna().sum()}, {@code df[c].quantile([.01, .05, .95, .99])}, {@code df[c].nunique()} and
 * {@code df[c].value_counts()}. Counts, extremes and top values must be equal; means, deviations and quantiles
 * equal up to the last bits of a double (the two sum and interpolate in different orders); distinct counts above
 * the exact bound are an estimate, flagged, and held to its error.
 */
class BenchmarkFileAgainstPandasTest {
    /** A relative 1e-12: the rounding of a different order of floating-point operations, nothing more. */
    private static final double LAST_BITS_PERCENT = 1e-10;
    /** The engine's HyperLogLog is coarse: 2% to 5.3% under the exact counts of this file (docs/decisions.md). */
    private static final double DISTINCT_ESTIMATE_PERCENT = 7;

    /** name → count, missing, mean, std, min, p01, p05, p25, p50, p75, p95, p99, max, distinct (pandas nunique). */
    private static final Map<String, double[]> PANDAS = new LinkedHashMap<>();

    static {
        PANDAS.put("f1", new double[] {980034, 19966, 49.98929699918575, 12.491327645837586, -11.4426, 20.913997,
                29.426765, 41.578325, 49.9863, 58.4106, 70.5282, 79.13487000000005, 105.9107, 427124});
        PANDAS.put("f2", new double[] {980048, 19952, 49982.179872822555, 28877.782917007025, 0.0, 997.0, 5002.0,
                24986.0, 49939.0, 75000.0, 95005.0, 99002.53000000003, 100000.0, 99996});
        PANDAS.put("f3", new double[] {1000000, 0, 50.022977462399986, 12.500804648509577, -10.3532,
                21.018698999999998, 29.454795, 41.5887, 50.0299, 58.4599, 70.57951499999997, 79.089, 115.0473, 430695});
        PANDAS.put("f4", new double[] {1000000, 0, 49990.14681, 28854.676031407605, 0.0, 1009.0, 5032.0, 25003.0,
                49936.0, 75003.0, 94990.0, 98985.0, 100000.0, 99996});
        PANDAS.put("f5", new double[] {1000000, 0, 50.020728175499976, 12.507660594503077, -8.4179, 20.972299,
                29.4504, 41.5795, 50.0231, 58.4714, 70.58920499999999, 79.17190599999999, 108.3201, 430890});
        PANDAS.put("f6", new double[] {1000000, 0, 49998.686168, 28854.32529803327, 0.0, 1006.9899999999998, 5033.0,
                25043.0, 49936.5, 74980.0, 95018.0, 98993.0, 100000.0, 99998});
        PANDAS.put("f7", new double[] {1000000, 0, 49.987825764099995, 12.5168419679982, -13.1745, 20.9203,
                29.397095, 41.547975, 49.98565, 58.4272, 70.56250499999999, 79.118106, 113.3704, 431440});
        PANDAS.put("f8", new double[] {1000000, 0, 50005.023847, 28850.969559631114, 0.0, 993.0, 5017.0, 25034.0,
                50025.0, 74990.0, 94967.0, 98996.0, 100000.0, 99996});
    }

    private static final String[] QUANTILES = {"p01", "p05", "p25", "p50", "p75", "p95", "p99"};

    static ColumnarEngine engine;
    static DatasetProfile profile;

    @BeforeAll
    static void ingestTheBenchmarkFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bench.csv");
        Path generator = Path.of(System.getProperty("basedir", "."), "../bench/ingest/Generate.java");
        Process generate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                generator.toString(), csv.toString(), "1000000", "42").inheritIO().start();
        assertThat(generate.waitFor(120, TimeUnit.SECONDS)).as("the generator finished").isTrue();
        assertThat(generate.exitValue()).isZero();
        engine = ColumnarEngine.open(new ColumnarEngine.Settings("1GB", 2, dir.resolve("spill")));
        profile = new VersionWriter(engine).fromCsv(csv, null, dir.resolve("bench.parquet")).profile();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void numericColumnsHavePandasFigures() {
        assertThat(profile.rows()).isEqualTo(1_000_000);
        for (Map.Entry<String, double[]> entry : PANDAS.entrySet()) {
            ColumnProfile column = column(entry.getKey());
            double[] p = entry.getValue();
            assertThat(column.type()).isEqualTo(ColumnType.NUMERIC);
            assertThat(column.count()).as(entry.getKey() + " count").isEqualTo((long) p[0]);
            assertThat(column.missing()).as(entry.getKey() + " missing").isEqualTo((long) p[1]);
            assertClose(entry.getKey() + " mean", column.mean(), p[2]);
            assertClose(entry.getKey() + " std", column.std(), p[3]);
            assertThat(column.min()).as(entry.getKey() + " min").isEqualTo(p[4]);
            for (int q = 0; q < QUANTILES.length; q++) {
                assertClose(entry.getKey() + " " + QUANTILES[q], column.quantiles().get(QUANTILES[q]), p[5 + q]);
            }
            assertThat(column.max()).as(entry.getKey() + " max").isEqualTo(p[12]);
            // every one of these columns has more distinct values than the exact bound: an estimate, said so
            assertThat(column.distinctApproximate()).as(entry.getKey() + " distinct is an estimate").isTrue();
            assertThat((double) column.distinct()).as(entry.getKey() + " distinct")
                    .isCloseTo(p[13], withinPercentage(DISTINCT_ESTIMATE_PERCENT));
        }
    }

    @Test
    void categoricalColumnsHavePandasCounts() {
        ColumnProfile city = column("city");
        assertThat(city.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(city.count()).isEqualTo(1_000_000);
        assertThat(city.missing()).isZero();
        assertThat(city.distinct()).isEqualTo(6);
        assertThat(city.distinctApproximate()).isFalse();
        assertThat(city.topValues()).containsExactly(new ValueCount("Oslo", 167096),
                new ValueCount("Nairobi", 166930), new ValueCount("Perth", 166896), new ValueCount("Osaka", 166560),
                new ValueCount("Quito", 166406), new ValueCount("Lisbon", 166112));

        ColumnProfile label = column("label");
        assertThat(label.count()).isEqualTo(1_000_000);
        assertThat(label.distinct()).isEqualTo(2);
        assertThat(label.topValues()).containsExactly(new ValueCount("no", 699605), new ValueCount("yes", 300395));
    }

    private static ColumnProfile column(String name) {
        List<ColumnProfile> columns = profile.columns();
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertClose(String what, Double actual, double pandas) {
        assertThat(actual).as(what).isNotNull();
        if (pandas == 0) {
            assertThat(actual).as(what).isEqualTo(0.0);
        } else {
            assertThat(actual).as(what).isCloseTo(pandas, withinPercentage(LAST_BITS_PERCENT));
        }
    }
}

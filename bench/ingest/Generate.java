import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the ingest benchmark's CSV, seeded, so that every run (and every machine) reads the same bytes: N rows
 * (1,000,000 by default) of eight numeric columns (f1 and f2 with 2% missing; the even ones normal around 50 with
 * four decimals, the odd ones integers 0 to 100,000), a six-value city column and a yes/no label (30% yes).
 * java.util.Random's algorithms are part of its specification, so the file is the same on every JDK.
 * Run as a source file: {@code java bench/ingest/Generate.java <path> [rows] [seed]}.
 */
public final class Generate {
    private static final String[] CITIES = {"Lisbon", "Oslo", "Quito", "Nairobi", "Osaka", "Perth"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java Generate.java <path> [rows, 1000000] [seed, 42]");
            System.exit(2);
        }
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        write(Path.of(args[0]), rows, seed);
    }

    static void write(Path path, long rows, long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write("f1,f2,f3,f4,f5,f6,f7,f8,city,label\n");
            for (long r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < 8; c++) {
                    if (c < 2 && random.nextDouble() < 0.02) {
                        // missing: an empty field
                    } else if (c % 2 == 0) {
                        fourDecimals(line, 50.0 + 12.5 * random.nextGaussian());
                    } else {
                        line.append(random.nextInt(100_001));
                    }
                    line.append(',');
                }
                line.append(CITIES[random.nextInt(CITIES.length)]).append(',')
                        .append(random.nextDouble() < 0.3 ? "yes" : "no").append('\n');
                out.append(line);
            }
        }
    }

    /** {@code x} rounded to four decimals (half up), without the cost of a Formatter. */
    private static void fourDecimals(StringBuilder out, double x) {
        long scaled = Math.round(Math.abs(x) * 10_000);
        if (x < 0 && scaled != 0) {
            out.append('-');
        }
        long fraction = scaled % 10_000;
        out.append(scaled / 10_000).append('.');
        for (long d = 1000; d > fraction && d > 1; d /= 10) {
            out.append('0');
        }
        out.append(fraction);
    }
}

package dev.gyre.core.table;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes {@link Table}s as comma-separated UTF-8 (RFC 4180) with a header row.
 *
 * <p>Reading is strict: the bytes must be valid UTF-8 (a BOM is allowed), the header must have unique,
 * non-blank names, and every record must have as many fields as the header. Blank lines are skipped,
 * header names are stripped of surrounding spaces, and cells that {@link Table#isMissing(String)} become
 * {@code null}. Every problem is a {@link CsvFormatException} naming the physical line.
 */
public final class CsvTables {
    private static final Pattern FASTCSV_LINE = Pattern.compile("\\(?record starting at line (\\d+)\\)?");

    private CsvTables() {
    }

    /**
     * The header and up to {@code sampleRows} first records of a CSV stream, read with the same strictness as
     * {@link #read(InputStream)}: what an engine reading the whole file needs to know before it starts. The
     * stream is not closed.
     */
    public static Table head(InputStream csv, int sampleRows) {
        return read(csv, sampleRows);
    }

    /** Reads a table from CSV bytes. */
    public static Table read(byte[] csv) {
        return read(new ByteArrayInputStream(csv));
    }

    /** Reads a table from a CSV stream; the stream is read to its end but not closed. */
    public static Table read(InputStream csv) {
        return read(csv, Integer.MAX_VALUE);
    }

    private static Table read(InputStream csv, int maxRows) {
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .allowExtraFields(true)     // ragged rows are reported by us, with the header's field count
                .allowMissingFields(true)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)     // StrictUtf8Reader drops the BOM
                .ofCsvRecord(new StrictUtf8Reader(csv));
        try {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new CsvFormatException(1, "empty file: a header row is required");
            }
            CsvRecord headerRecord = records.next();
            List<String> header = header(headerRecord);
            int width = header.size();
            List<String[]> rows = new ArrayList<>();
            while (rows.size() < maxRows && records.hasNext()) {
                CsvRecord record = records.next();
                int fields = record.getFieldCount();
                if (fields != width) {
                    if (fields == 1 && record.getField(0).isBlank()) {
                        continue; // a line of spaces only counts as blank
                    }
                    throw new CsvFormatException(record.getStartingLineNumber(),
                            fields + (fields == 1 ? " field" : " fields") + ", header has " + width);
                }
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    String cell = record.getField(i);
                    row[i] = Table.isMissing(cell) ? null : cell;
                }
                rows.add(row);
            }
            return new Table(header, rows);
        } catch (CsvParseException | UncheckedIOException e) {
            throw unwrap(e);
        }
    }

    private static List<String> header(CsvRecord record) {
        long line = record.getStartingLineNumber();
        List<String> names = new ArrayList<>(record.getFieldCount());
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<Integer> blank = new ArrayList<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            if (name.isEmpty()) {
                blank.add(i + 1);
            } else if (!seen.add(name)) {
                duplicates.add(name);
            }
            names.add(name);
        }
        if (!blank.isEmpty()) {
            throw new CsvFormatException(line, "empty column name in header at position(s) " + blank);
        }
        if (!duplicates.isEmpty()) {
            throw new CsvFormatException(line, "duplicate column name(s) in header: "
                    + String.join(", ", duplicates.stream().map(n -> "\"" + n + "\"").toList()));
        }
        return names;
    }

    // FastCSV wraps exceptions thrown by the underlying Reader; surface ours unchanged.
    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CsvFormatException csv) {
                return csv;
            }
        }
        if (e instanceof UncheckedIOException io) {
            return io;
        }
        Matcher m = FASTCSV_LINE.matcher(String.valueOf(e.getMessage()));
        long line = m.find() ? Long.parseLong(m.group(1)) : 1;
        return new CsvFormatException(line, "malformed CSV: " + FASTCSV_LINE.matcher(
                String.valueOf(e.getMessage())).replaceAll("").strip(), e);
    }

    /**
     * Writes a table as RFC 4180 CSV in UTF-8 (CRLF line ends, fields quoted only when needed), header
     * first; a missing cell is written as an empty field. The stream is flushed but not closed.
     */
    public static void write(Table table, OutputStream out) {
        try {
            CsvWriter writer = CsvWriter.builder()
                    .lineDelimiter(LineDelimiter.CRLF)
                    .build(out, StandardCharsets.UTF_8);
            writer.writeRecord(table.header());
            String[] fields = new String[table.columnCount()];
            for (String[] row : table.rows()) {
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = row[i] == null ? "" : row[i];
                }
                writer.writeRecord(fields);
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as RFC 4180 CSV bytes (see {@link #write(Table, OutputStream)}). */
    public static byte[] toBytes(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(table, out);
        return out.toByteArray();
    }
}

package dev.gyre.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTablesTest {

    private static Table read(String csv) {
        return CsvTables.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static CsvFormatException failure(byte[] csv) {
        return catchThrowableOfType(CsvFormatException.class, () -> CsvTables.read(csv));
    }

    private static CsvFormatException failure(String csv) {
        return failure(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsHeaderAndRows() {
        Table table = read("a,b\n1,x\n2,y\n");
        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.row(1)).containsExactly("2", "y");
    }

    @Test
    void readsFileStartingWithUtf8Bom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name,size\nå,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, 3);
        System.arraycopy(body, 0, csv, 3, body.length);

        Table table = CsvTables.read(new ByteArrayInputStream(csv));

        assertThat(table.header()).containsExactly("name", "size");
        assertThat(table.row(0)).containsExactly("å", "1");
    }

    @Test
    void readsQuotedFieldsWithEmbeddedCommasNewlinesAndDoubledQuotes() {
        Table table = read("id,text\n1,\"a, b\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n");

        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.cell(0, 1)).isEqualTo("a, b");
        assertThat(table.cell(1, 1)).isEqualTo("line one\nline two");
        assertThat(table.cell(2, 1)).isEqualTo("say \"hi\"");
    }

    @Test
    void keepsColumnNamesWithSpacesSlashesAndParentheses() {
        Table table = read("Beak Length (mm),km/h,\"Body Mass (g), adult\"\n1,2,3\n");

        assertThat(table.header()).containsExactly("Beak Length (mm)", "km/h", "Body Mass (g), adult");
    }

    @Test
    void skipsBlankLinesAndReadsLastLineWithoutTrailingNewline() {
        Table table = read("a,b\n\n1,2\n\n   \n3,4");

        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.row(1)).containsExactly("3", "4");
    }

    @Test
    void turnsMissingTokensIntoNull() {
        Table table = read("a,b,c,d,e\n,NA, ,n/a,null\nNaN,x,,,\n");

        assertThat(table.row(0)).containsOnlyNulls();
        assertThat(table.row(1)).containsExactly(null, "x", null, null, null);
    }

    @Test
    void raggedRowNamesItsLine() {
        // line 1 header, 2-3 rows, 4 blank, 5-6 rows, 7 ragged
        CsvFormatException e = failure("a,b,c,d\n1,2,3,4\n1,2,3,4\n\n1,2,3,4\n1,2,3,4\n1,2,3\n1,2,3,4\n");

        assertThat(e.line()).isEqualTo(7);
        assertThat(e).hasMessage("line 7: 3 fields, header has 4");
    }

    @Test
    void raggedRowAfterMultiLineQuotedFieldNamesThePhysicalLine() {
        // record 1 spans lines 2-4; the ragged record is the third record but starts on physical line 6
        CsvFormatException e = failure("a,b\n1,\"x\ny\nz\"\n2,ok\n3,too,many\n");

        assertThat(e.line()).isEqualTo(6);
        assertThat(e).hasMessage("line 6: 3 fields, header has 2");
    }

    @Test
    void raggedRowNamesThePhysicalLineWithCrLfLineEnds() {
        CsvFormatException e = failure("a,b\r\n1,\"x\r\ny\"\r\n2\r\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessage("line 4: 1 field, header has 2");
    }

    @Test
    void rejectsBinaryContentWithNulBytes() {
        CsvFormatException e = failure("a,b\n1,2\n3,\0\0\0\n".getBytes(StandardCharsets.UTF_8));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3: ").contains("binary");
    }

    @Test
    void rejectsAPngFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> CsvTables.read(png)).isInstanceOf(CsvFormatException.class);
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() {
        byte[] prefix = "a,b\n1,2\nx,".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[prefix.length + 3];
        System.arraycopy(prefix, 0, csv, 0, prefix.length);
        csv[prefix.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        csv[prefix.length + 1] = (byte) 0x28;
        csv[prefix.length + 2] = '\n';

        CsvFormatException e = failure(csv);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3: ").contains("UTF-8");
    }

    @Test
    void rejectsLatin1EncodedFile() {
        CsvFormatException e = failure("name\ncafé\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void rejectsInvalidUtf8FarIntoALargeFile() {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",é\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 2];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = '\n';

        assertThat(failure(bad).line()).isEqualTo(50_002);
    }

    @Test
    void rejectsUnclosedQuoteNamingTheLineWhereTheRecordStarts() {
        CsvFormatException e = failure("a,b\n1,2\n3,\"abc\n4,5\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3: ").contains("Unclosed quoted field");
    }

    @Test
    void rejectsEmptyFileAtLineOne() {
        CsvFormatException e = failure(new byte[0]);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("header");
    }

    @Test
    void rejectsDuplicateHeaderNamesNamingThem() {
        CsvFormatException e = failure("id,Name,score,Name\n1,a,2,b\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("duplicate").contains("\"Name\"");
    }

    @Test
    void rejectsEmptyHeaderNamesNamingTheirPosition() {
        CsvFormatException e = failure("id,,score\n1,2,3\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("empty column name").contains("[2]");
    }

    @Test
    void readsHeaderOnlyFileAsEmptyTable() {
        Table table = read("a,b\n");

        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rowCount()).isZero();
    }

    @Test
    void writesRfc4180WithMissingCellsAsEmptyFields() {
        Table table = new Table(List.of("id", "text (raw)"), List.of(
                new String[] {"1", "a, b"},
                new String[] {"2", null},
                new String[] {"3", "say \"hi\"\nbye"}));

        byte[] bytes = CsvTables.toBytes(table);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "id,text (raw)\r\n1,\"a, b\"\r\n2,\r\n3,\"say \"\"hi\"\"\nbye\"\r\n");
        Table back = CsvTables.read(bytes);
        assertThat(back.header()).isEqualTo(table.header());
        assertThat(back.rows()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(table.rows());
    }
}

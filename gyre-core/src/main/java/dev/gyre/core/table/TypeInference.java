package dev.gyre.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Infers a {@link TableSchema} from a table's cells. */
public final class TypeInference {
    private TypeInference() {
    }

    /**
     * A column is {@link ColumnType#NUMERIC} if every present value is a finite decimal number
     * ({@link Values#parseNumber}), else {@link ColumnType#BOOLEAN} if every present value is true/false,
     * else {@link ColumnType#CATEGORICAL}; an all-missing column is CATEGORICAL. A column is nullable
     * when any of its cells is missing.
     */
    public static TableSchema infer(Table table) {
        int width = table.columnCount();
        boolean[] numeric = new boolean[width];
        boolean[] bool = new boolean[width];
        boolean[] present = new boolean[width];
        boolean[] missing = new boolean[width];
        Arrays.fill(numeric, true);
        Arrays.fill(bool, true);
        for (String[] row : table.rows()) {
            for (int c = 0; c < width; c++) {
                String cell = row[c];
                if (Table.isMissing(cell)) {
                    missing[c] = true;
                    continue;
                }
                present[c] = true;
                if (numeric[c] && Values.parseNumber(cell) == null) {
                    numeric[c] = false;
                }
                if (bool[c] && Values.parseBoolean(cell) == null) {
                    bool[c] = false;
                }
            }
        }
        List<Column> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            ColumnType type = !present[c] ? ColumnType.CATEGORICAL
                    : numeric[c] ? ColumnType.NUMERIC
                    : bool[c] ? ColumnType.BOOLEAN
                    : ColumnType.CATEGORICAL;
            columns.add(new Column(table.header().get(c), type, missing[c]));
        }
        return new TableSchema(columns);
    }
}

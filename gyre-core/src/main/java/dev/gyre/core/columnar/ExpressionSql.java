package dev.gyre.core.columnar;

import java.util.ArrayList;
import java.util.List;

import dev.gyre.core.curate.Expression;
import dev.gyre.core.curate.Expression.Binary;
import dev.gyre.core.curate.Expression.Call;
import dev.gyre.core.curate.Expression.ColumnRef;
import dev.gyre.core.curate.Expression.IsNull;
import dev.gyre.core.curate.Expression.Literal;
import dev.gyre.core.curate.Expression.Node;
import dev.gyre.core.curate.Expression.Unary;

/**
 * A checked {@link Expression} as DuckDB SQL: columns quoted with {@link Sql#ident}, numbers and texts as bound
 * parameters, in the order of {@link #parameters()}, so no text of the user's is ever part of the SQL. DuckDB's
 * doubles follow IEEE (1/0 is Infinity, ln(0) is −Infinity, sqrt(−1) NaN); every numeric operation here turns a
 * result that is not finite into NULL instead, so a curated column never holds one.
 */
final class ExpressionSql {
    /** The ISO-8601 spellings a date is read from when no format is given (strptime tolerates 1-digit fields). */
    static final List<String> ISO_FORMATS = List.of("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M");

    private final String sql;
    private final List<Object> parameters;

    private ExpressionSql(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
    }

    static ExpressionSql of(Expression expression) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(expression.root(), parameters);
        return new ExpressionSql(sql, parameters);
    }

    String sql() {
        return sql;
    }

    List<Object> parameters() {
        return parameters;
    }

    /** A TIMESTAMP from ISO text, or NULL when the text is not one: the one date rule of expressions and steps. */
    static String isoTimestamp(String text) {
        return "try_strptime(trim(" + text + "), [" + String.join(", ", ISO_FORMATS.stream().map(Sql::literal)
                .toList()) + "])";
    }

    private static String sql(Node node, List<Object> p) {
        if (node instanceof Literal l) {
            Object v = l.value();
            if (v == null) {
                return "NULL";
            }
            if (v instanceof Boolean b) {
                return b ? "TRUE" : "FALSE";
            }
            p.add(v);
            return v instanceof Double ? "CAST(? AS DOUBLE)" : "CAST(? AS VARCHAR)";
        }
        if (node instanceof ColumnRef c) {
            return Sql.ident(c.name());
        }
        if (node instanceof Unary u) {
            return u.operator().equals("not") ? "(NOT " + sql(u.operand(), p) + ")" : "(-" + sql(u.operand(), p) + ")";
        }
        if (node instanceof IsNull n) {
            return "(" + sql(n.operand(), p) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
        }
        if (node instanceof Binary b) {
            String left = sql(b.left(), p);
            String right = sql(b.right(), p);
            return switch (b.operator()) {
                case "and" -> "(" + left + " AND " + right + ")";
                case "or" -> "(" + left + " OR " + right + ")";
                case "!=" -> "(" + left + " <> " + right + ")";
                case "=", "<", "<=", ">", ">=" -> "(" + left + " " + b.operator() + " " + right + ")";
                case "/", "%" -> finite("(" + left + " " + b.operator() + " nullif(" + right + ", 0))");
                default -> finite("(" + left + " " + b.operator() + " " + right + ")"); // + - * may overflow
            };
        }
        Call call = (Call) node;
        List<String> a = new ArrayList<>();
        for (Node argument : call.arguments()) {
            a.add(sql(argument, p));
        }
        String x = a.get(0);
        return switch (call.function()) {
            // ln(0) is -Infinity and ln of a negative NaN in DuckDB: finite() makes both NULL
            case "log" -> finite("ln(" + x + ")");
            case "log1p" -> finite("ln(1 + " + x + ")");
            case "exp" -> finite("exp(" + x + ")");
            case "sqrt" -> finite("sqrt(" + x + ")");
            case "pow" -> finite("pow(" + x + ", " + a.get(1) + ")");
            case "abs", "floor", "ceil" -> "CAST(" + call.function() + "(" + x + ") AS DOUBLE)";
            case "round" -> a.size() == 1 ? "CAST(round(" + x + ") AS DOUBLE)"
                    : "CAST(round(" + x + ", TRY_CAST(" + a.get(1) + " AS INTEGER)) AS DOUBLE)";
            case "least", "greatest", "coalesce" -> call.function() + "(" + String.join(", ", a) + ")";
            case "lower", "upper", "trim" -> call.function() + "(" + x + ")";
            case "length" -> "CAST(length(" + x + ") AS DOUBLE)";
            case "year", "month", "day", "hour" -> "CAST(" + call.function() + "(" + isoTimestamp(x) + ") AS DOUBLE)";
            case "dayOfWeek" -> "CAST(isodow(" + isoTimestamp(x) + ") AS DOUBLE)";
            default -> throw new IllegalStateException("no SQL for " + call.function());
        };
    }

    /** NULL for NaN and ±Infinity (DuckDB holds NaN equal to itself, so nullif catches it). */
    static String finite(String x) {
        return "nullif(nullif(nullif(" + x + ", 'NaN'::DOUBLE), 'Infinity'::DOUBLE), '-Infinity'::DOUBLE)";
    }
}

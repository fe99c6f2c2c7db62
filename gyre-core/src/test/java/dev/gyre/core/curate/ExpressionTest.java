package dev.gyre.core.curate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gyre.core.table.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser and checker on their own: what parses to what, and what is refused, where and why. */
class ExpressionTest {
    static final Map<String, ColumnType> COLUMNS = columns();

    private static Map<String, ColumnType> columns() {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        columns.put("bill", ColumnType.NUMERIC);
        columns.put("body mass", ColumnType.NUMERIC);
        columns.put("species", ColumnType.CATEGORICAL);
        columns.put("male", ColumnType.BOOLEAN);
        return columns;
    }

    @Test
    void precedenceAndSpacingGiveOneTree() {
        Expression e = Expression.parse("bill>40 AND species!='Gentoo' or not male");
        assertThat(e).hasToString("(((bill > 40.0) and (species != 'Gentoo')) or (not male))");
        assertThat(e).isEqualTo(Expression.parse(" ( ( bill > 40 ) and species != 'Gentoo' ) OR NOT male "));
        assertThat(e.check(COLUMNS)).isEqualTo(ColumnType.BOOLEAN);
        assertThat(Expression.parse("-bill * 2 + 1 % 3").toString()).isEqualTo("(((-bill) * 2.0) + (1.0 % 3.0))");
        assertThat(Expression.parse("bill + 1 is not null").toString()).isEqualTo("((bill + 1.0) is not null)");
        assertThat(Expression.parse("1.5e3 + .5").toString()).isEqualTo("(1500.0 + 0.5)");
    }

    @Test
    void aQuoteInsideATextIsDoubledAndNamesWithSpacesAreBackquoted() {
        Expression e = Expression.parse("species = 'O''Brien' and `body mass` > 3000");
        Expression.Binary and = (Expression.Binary) e.root();
        Expression.Binary is = (Expression.Binary) and.left();
        assertThat(((Expression.Literal) is.right()).value()).isEqualTo("O'Brien");
        assertThat(((Expression.Binary) and.right()).left()).isEqualTo(new Expression.ColumnRef("body mass", 26));
        assertThat(e.toString()).contains("'O''Brien'").contains("`body mass`");
        assertThat(Expression.parse(e.toString())).isEqualTo(e);
        assertThat(Expression.parse("`a``b`").root()).isEqualTo(new Expression.ColumnRef("a`b", 1));
    }

    @Test
    void typesFollowTheFunctionsAndOperators() {
        assertThat(Expression.parse("log1p(`body mass`) / pow(bill, 2)").check(COLUMNS)).isEqualTo(ColumnType.NUMERIC);
        assertThat(Expression.parse("upper(trim(species))").check(COLUMNS)).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(Expression.parse("coalesce(species, 'none')").check(COLUMNS)).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(Expression.parse("coalesce(null, male)").check(COLUMNS)).isEqualTo(ColumnType.BOOLEAN);
        assertThat(Expression.parse("year(species) + dayofweek(species)").check(COLUMNS))
                .isEqualTo(ColumnType.NUMERIC);
        assertThat(Expression.parse("null").check(COLUMNS)).isNull();
        assertThat(Expression.parse("bill + null").check(COLUMNS)).isEqualTo(ColumnType.NUMERIC);
        assertThat(Expression.parse("DAYOFWEEK(species)").toString()).isEqualTo("dayOfWeek(species)");
    }

    @Test
    void anUnknownFunctionOrAWrongNumberOfArgumentsIsRefusedWhenParsed() {
        assertThatThrownBy(() -> Expression.parse("bill + exec(1)"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isEqualTo(8))
                .hasMessageContaining("unknown function 'exec'").hasMessageContaining("log1p");
        assertThatThrownBy(() -> Expression.parse("pow(bill)")).hasMessageContaining("pow() takes 2 arguments, not 1");
        assertThatThrownBy(() -> Expression.parse("round(bill, 1, 2)"))
                .hasMessageContaining("round() takes 1 or 2 arguments, not 3");
        assertThatThrownBy(() -> Expression.parse("least()")).hasMessageContaining("at least 1");
    }

    @Test
    void anUnknownColumnOrAWrongTypeNamesTheColumn() {
        assertThatThrownBy(() -> Expression.parse("bill > 1 and wings > 2").check(COLUMNS))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.column()).isEqualTo("wings");
                    assertThat(e.position()).isEqualTo(14);
                })
                .hasMessageContaining("no column \"wings\"").hasMessageContaining("bill, body mass, species, male");
        assertThatThrownBy(() -> Expression.parse("species + 1").check(COLUMNS))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo("species"))
                .hasMessageContaining("column \"species\" is categorical: '+' needs a number");
        assertThatThrownBy(() -> Expression.parse("bill = 'x'").check(COLUMNS))
                .hasMessageContaining("needs both sides of one type, not a number and a text");
        assertThatThrownBy(() -> Expression.parse("lower(bill)").check(COLUMNS))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo("bill"))
                .hasMessageContaining("lower() needs a text");
        assertThatThrownBy(() -> Expression.parse("bill and male").check(COLUMNS))
                .hasMessageContaining("'and' needs a boolean");
        assertThatThrownBy(() -> Expression.parse("male < true").check(COLUMNS))
                .hasMessageContaining("orders numbers or texts");
        assertThatThrownBy(() -> Expression.parse("__gyre_split = 'train'").check(COLUMNS))
                .hasMessageContaining("no column \"__gyre_split\"");
    }

    @Test
    void textThatDoesNotParseIsRefusedWithItsPosition() {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("bill >", 7);
        bad.put("(bill + 1", 10);
        bad.put("bill bill", 6);
        bad.put("species = 'open", 11);
        bad.put("bill == 1", 7);
        bad.put("bill is 1", 9);
        bad.put("\"bill\" > 1", 1);
        bad.put("12abc", 3);
        bad.put("", 1);
        bad.forEach((text, position) -> assertThatThrownBy(() -> Expression.parse(text))
                .as(text).isInstanceOfSatisfying(ExpressionException.class,
                        e -> assertThat(e.position()).isEqualTo(position))
                .hasMessageStartingWith("at position " + position + ":"));
        assertThatThrownBy(() -> Expression.parse("(".repeat(100) + "1" + ")".repeat(100)))
                .hasMessageContaining("nests deeper");
        assertThatThrownBy(() -> Expression.parse("1e999")).hasMessageContaining("too large");
    }

    @Test
    void sqlIsNotAnExpression() {
        for (String attack : List.of("x); DROP TABLE t; --", "read_csv('/etc/passwd')", "1; SELECT 1",
                "x /* c */", "bill' OR '1'='1", "getenv('HOME')", "bill::VARCHAR")) {
            assertThatThrownBy(() -> Expression.parse(attack)).as(attack).isInstanceOf(ExpressionException.class);
        }
        assertThatThrownBy(() -> Expression.parse("x); DROP TABLE t; --"))
                .hasMessage("at position 3: unexpected character ';'");
        assertThatThrownBy(() -> Expression.parse("read_csv('/etc/passwd')"))
                .hasMessageContaining("unknown function 'read_csv'");
        // no comments either: this is x minus minus the column "comment", whose name the engine gets quoted
        assertThat(Expression.parse("x -- comment").toString()).isEqualTo("(x - (-comment))");
        // a text holding SQL is just a text
        assertThat(((Expression.Binary) Expression.parse("species = 'x''); DROP TABLE t; --'").root()).right())
                .isEqualTo(new Expression.Literal("x'); DROP TABLE t; --", 11));
    }
}

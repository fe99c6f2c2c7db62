package dev.gyre.data.version;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementsTests {

    @Test
    void oneStatementPassesWithoutItsTrailingSemicolon() {
        assertThat(SqlStatements.single("select 1")).hasValue("select 1");
        assertThat(SqlStatements.single("  select 1 ;  ")).hasValue("select 1");
        assertThat(SqlStatements.single("select 1;;\n")).hasValue("select 1");
        assertThat(SqlStatements.single("select 1; -- done\n/* really */ ;")).hasValue("select 1");
        assertThat(SqlStatements.single("select 1 -- a; b\n")).hasValue("select 1 -- a; b");
    }

    @Test
    void aSemicolonInsideALiteralIdentifierOrCommentDoesNotEndTheStatement() {
        for (String sql : new String[] {
                "select 'a;b'", "select 'it''s; fine'", "select E'\\'; still inside'", "select e'\\\\'",
                "select \"odd;name\" from t", "select \"a\"\"; b\" from t", "select $$;$$", "select $tag$ $$; $tag$",
                "select 1 /* ; /* nested ; */ ; */", "select 1 -- ;\n + 1", "select a$b from t where x = $1"}) {
            assertThat(SqlStatements.single(sql)).as(sql).hasValue(sql);
        }
    }

    @Test
    void aSecondStatementIsRefused() {
        for (String sql : new String[] {
                "select 1; select 2", "select 1;delete from t", "select 'a'; drop table t", "select 1; -- x\n select 2",
                "select $$x$$; commit", "select E'\\''; delete from t", "select 1 /* */; /* */ x",
                "select \"a\"; begin"}) {
            assertThat(SqlStatements.single(sql)).as(sql).isEmpty();
        }
    }

    @Test
    void anEOpensAnEscapeStringOnlyAtTheStartOfAWord() {
        // in "name'x'" the quote starts a plain literal, in which a backslash is just a character
        assertThat(SqlStatements.single("select like'\\'; drop table t")).isEmpty();
        assertThat(SqlStatements.single("select E'\\'; drop table t'")).hasValue("select E'\\'; drop table t'");
    }

    @Test
    void textLeftOpenIsPassedOnForTheDatabaseToReport() {
        assertThat(SqlStatements.single("select 'open; drop table t")).hasValue("select 'open; drop table t");
        assertThat(SqlStatements.single("select 1 /* ; drop")).hasValue("select 1 /* ; drop");
        assertThat(SqlStatements.single("select $q$ ; drop")).hasValue("select $q$ ; drop");
    }
}

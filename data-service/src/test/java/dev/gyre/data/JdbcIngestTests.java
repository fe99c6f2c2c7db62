package dev.gyre.data;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import dev.gyre.api.data.IngestRequest;
import dev.gyre.api.data.IngestSource;
import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.gyre.test.Datasets.penguinsCsv;
import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDBC ingest through the API, reading tables made here in the test's own PostgreSQL through the connections
 * DataServiceTestBase configures: rows stream into a version typed and profiled as the same CSV would be; the
 * database refuses any write; one statement only; every failure is a 4xx (or 502 for the database) problem and
 * leaves no version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIngestTests extends DataServiceTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROWS = "select * from jdbc_source_rows order by id";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcConnectionDetails database;

    @BeforeAll
    void makeTables() throws Exception {
        jdbc.sql("drop table if exists jdbc_source_rows").update();
        jdbc.sql("""
                create table jdbc_source_rows as
                select i as id,
                       i * 0.5 as half,
                       (i % 7)::float8 / 4 as ratio,
                       'item-' || (i % 13) as label,
                       case when i % 10 = 0 then null else i % 100 end as sparse,
                       i % 2 = 0 as even,
                       date '2024-01-01' + (i % 365) as day,
                       timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute' as at
                from generate_series(1, 10000) as i""").update();
        jdbc.sql("drop table if exists jdbc_source_penguins").update();
        jdbc.sql("""
                create table jdbc_source_penguins (id serial primary key, "Species" text not null, "Island" text not
                null, "Beak Length (mm)" numeric, "Beak Depth (mm)" numeric, "Flipper Length (mm)" integer,
                "Body Mass (g)" integer, "Sex" text)""").update();
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy jdbc_source_penguins (\"Species\", \"Island\", "
                            + "\"Beak Length (mm)\", \"Beak Depth (mm)\", \"Flipper Length (mm)\", \"Body Mass (g)\", "
                            + "\"Sex\") from stdin with (format csv, header true)",
                    new StringReader(new String(penguinsCsv(), StandardCharsets.UTF_8)));
        }
        lockRole();
    }

    /**
     * A role that must give its password over TCP. The embedded server trusts every login, so a line for this role
     * goes first in its pg_hba.conf; a container's server asks every login for a password already.
     */
    private void lockRole() throws Exception {
        if (jdbc.sql("select count(*) from pg_roles where rolname = ?").param(LOCKED_ROLE).query(Long.class)
                .single() == 0) {
            jdbc.sql("create role " + LOCKED_ROLE + " login password 'the-right-password'").update();
        }
        Path hba = Path.of(jdbc.sql("show hba_file").query(String.class).single());
        if (Files.isWritable(hba)) {
            String line = "host all " + LOCKED_ROLE + " all scram-sha-256\n";
            String rules = Files.readString(hba);
            if (!rules.startsWith(line)) {
                Files.writeString(hba, line + rules);
                jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L; // the server rereads the file shortly after the signal
        while (loginSucceeds(WRONG_PASSWORD)) {
            assertThat(System.nanoTime()).as("the wrong password is refused").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean loginSucceeds(String password) {
        Properties login = new Properties();
        login.setProperty("user", LOCKED_ROLE);
        login.setProperty("password", password);
        try (Connection ignored = DriverManager.getConnection(baseUrl(), login)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private String baseUrl() {
        return database.getJdbcUrl().replaceFirst("\\?.*$", "");
    }

    private Response ingest(String dataset, String connection, String query) {
        return http.post("/api/v1/datasets/" + dataset + "/versions",
                JSON.writeValueAsString(new IngestRequest(IngestSource.jdbc(connection, query))));
    }

    private void assertNoVersion(String dataset) {
        assertThat(http.get("/api/v1/datasets/" + dataset + "/versions").body().path("total").asLong()).isZero();
        assertThat(http.get("/api/v1/datasets/" + dataset).body().path("latestVersion").isNull()).isTrue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void ingestsTheRowsOfAQueryWithTheirTypesAndProfile() {
        String name = createDataset(uniqueName("jdbc-rows"), null);

        Response created = ingest(name, "warehouse", ROWS + ";");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode v = created.body();
        assertThat(v.path("rows").asLong()).isEqualTo(10_000);
        assertThat(v.path("status").asString()).isEqualTo("VALID");
        assertThat(v.path("lineage").path("source").asString()).isEqualTo("jdbc");
        List<String> columns = new ArrayList<>();
        v.path("columns").forEach(c -> columns.add(c.path("name").asString() + ":" + c.path("type").asString()
                + ":" + c.path("nullable").asBoolean()));
        assertThat(columns).containsExactly("id:numeric:false", "half:numeric:false", "ratio:numeric:false",
                "label:categorical:false", "sparse:numeric:true", "even:boolean:false", "day:categorical:false",
                "at:categorical:false");

        JsonNode profile = http.get("/api/v1/datasets/" + name + "/versions/1/profile").body();
        assertThat(profile.path("rows").asLong()).isEqualTo(10_000);
        JsonNode id = column(profile, "id");
        assertThat(id.path("mean").asDouble()).isEqualTo(5000.5);
        assertThat(id.path("min").asDouble()).isEqualTo(1);
        assertThat(id.path("max").asDouble()).isEqualTo(10_000);
        JsonNode sparse = column(profile, "sparse");
        assertThat(sparse.path("missing").asLong()).isEqualTo(1000);
        assertThat(sparse.path("count").asLong()).isEqualTo(9000);
        assertThat(column(profile, "label").path("distinct").asLong()).isEqualTo(13);
        assertThat(column(profile, "day").path("distinct").asLong()).isEqualTo(365);
        assertThat(column(profile, "even").path("count").asLong()).isEqualTo(10_000);

        String content = http.get("/api/v1/datasets/" + name + "/versions/1/content").text();
        String[] lines = content.split("\n");
        assertThat(lines[0]).isEqualTo("id,half,ratio,label,sparse,even,day,at");
        assertThat(lines[1]).isEqualTo("1,0.5,0.25,item-1,1,false,2024-01-02,2024-01-01T00:01:00Z");
        assertThat(lines[10]).isEqualTo("10,5,0.75,item-10,,true,2024-01-11,2024-01-01T00:10:00Z");

        // the same rows again are the same content: the existing version
        Response again = ingest(name, "warehouse", ROWS);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().path("version").asInt()).isEqualTo(1);
        assertThat(again.body().path("contentHash").asString()).isEqualTo(v.path("contentHash").asString());
        assertThat(http.get("/api/v1/datasets/" + name).body().path("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void penguinsFromATableGetTheColumnsAndProfileOfTheirCsv() {
        String uploaded = createDataset(uniqueName("jdbc-penguins-csv"), null);
        String queried = createDataset(uniqueName("jdbc-penguins"), null);
        assertThat(postCsv(uploaded, penguinsCsv()).status()).isEqualTo(201);

        Response response = ingest(queried, "warehouse", "select \"Species\", \"Island\", \"Beak Length (mm)\", "
                + "\"Beak Depth (mm)\", \"Flipper Length (mm)\", \"Body Mass (g)\", \"Sex\" from jdbc_source_penguins "
                + "order by id");

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.body().path("rows").asLong()).isEqualTo(344);
        JsonNode fromCsv = http.get("/api/v1/datasets/" + uploaded + "/versions/1").body();
        assertThat(response.body().path("columns")).isEqualTo(fromCsv.path("columns"));
        assertThat(http.get("/api/v1/datasets/" + queried + "/versions/1/profile").body())
                .isEqualTo(http.get("/api/v1/datasets/" + uploaded + "/versions/1/profile").body());
        assertSameRows(http.get("/api/v1/datasets/" + queried + "/versions/1/content").bytes(),
                http.get("/api/v1/datasets/" + uploaded + "/versions/1/content").bytes());
    }

    @Test
    void theDatabaseRefusesEveryWriteAndTheTableStaysWhole() {
        String name = createDataset(uniqueName("jdbc-writes"), null);
        List<String> writes = List.of(
                "delete from jdbc_source_rows",
                "DROP TABLE jdbc_source_rows",
                "insert into jdbc_source_rows (id) values (0)",
                "update jdbc_source_rows set label = 'x'",
                "with gone as (delete from jdbc_source_rows returning *) select * from gone",
                "truncate jdbc_source_rows",
                "create table jdbc_source_evil (x int)",
                "select * from jdbc_source_rows for update");

        for (String write : writes) {
            JsonNode refused = problem(ingest(name, "warehouse", write), 400, "invalid-query", "source.query");
            assertThat(refused.path("sqlState").asString()).as(write).isEqualTo("25006");
            assertThat(refused.path("detail").asString()).as(write).contains("read-only transaction");
        }
        // nor can the query make its own transaction writable
        problem(ingest(name, "warehouse", "set transaction read write"), 400, "invalid-query", "source.query");
        problem(ingest(name, "warehouse", "select set_config('transaction_read_only', 'off', true)"), 400,
                "invalid-query", "source.query");

        assertThat(count("jdbc_source_rows")).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from jdbc_source_rows where label = 'x'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select to_regclass('jdbc_source_evil') is null").query(Boolean.class).single()).isTrue();
        assertNoVersion(name);
    }

    @Test
    void aSecondStatementIsRefusedBeforeItReachesTheDatabase() {
        String name = createDataset(uniqueName("jdbc-multi"), null);

        for (String query : List.of("select 1 as one; delete from jdbc_source_rows",
                "select 1 as one;delete from jdbc_source_rows;", "select 'a;' as a; drop table jdbc_source_rows")) {
            JsonNode refused = problem(ingest(name, "warehouse", query), 400, "invalid-query", "source.query");
            assertThat(refused.path("detail").asString()).contains("more than one statement");
            assertThat(refused.has("sqlState")).isFalse();
        }

        assertThat(count("jdbc_source_rows")).isEqualTo(10_000);
        assertNoVersion(name);
        Response one = ingest(name, "warehouse", "select 'a;b' as \"x;y\" -- one; two\n ; ");
        assertThat(one.status()).as(one.text()).isEqualTo(201);
        assertThat(http.get("/api/v1/datasets/" + name + "/versions/1/content").text()).isEqualTo("x;y\na;b\n");
    }

    /** Why JdbcSource checks for a second statement itself: PgJDBC sends both, even in a PreparedStatement. */
    @Test
    void pgJdbcRunsEveryStatementOfAPreparedStatement() throws SQLException {
        jdbc.sql("create table if not exists jdbc_source_probe (x int)").update();
        jdbc.sql("delete from jdbc_source_probe").update();
        Properties login = new Properties();
        login.setProperty("user", database.getUsername());
        login.setProperty("password", database.getPassword());
        login.setProperty("preferQueryMode", "extendedForPrepared");
        try (Connection c = DriverManager.getConnection(baseUrl(), login);
             PreparedStatement s = c.prepareStatement("select 1; insert into jdbc_source_probe values (1)")) {
            assertThat(s.execute()).isTrue();
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
        }
        assertThat(count("jdbc_source_probe")).isEqualTo(1);
    }

    @Test
    void aQueryTheDatabaseRejectsIsInvalidQueryWithTheDatabasesMessage() {
        String name = createDataset(uniqueName("jdbc-rejected"), null);

        JsonNode syntax = problem(ingest(name, "warehouse", "selec id from jdbc_source_rows"), 400, "invalid-query",
                "source.query");
        assertThat(syntax.path("sqlState").asString()).isEqualTo("42601");
        assertThat(syntax.path("detail").asString()).contains("syntax error at or near \"selec\"");
        JsonNode unknown = problem(ingest(name, "warehouse", "select * from jdbc_source_nowhere"), 400,
                "invalid-query", "source.query");
        assertThat(unknown.path("sqlState").asString()).isEqualTo("42P01");
        assertThat(unknown.path("detail").asString()).contains("jdbc_source_nowhere");
        assertThat(problem(ingest(name, "warehouse", "select 1 / (id - id) from jdbc_source_rows"), 400,
                "invalid-query", "source.query").path("sqlState").asString()).isEqualTo("22012");
        // what the rows cannot become: no columns, two columns of one name, no rows
        assertThat(problem(ingest(name, "warehouse", "select from jdbc_source_rows"), 400, "invalid-query",
                "source.query").path("detail").asString()).contains("no columns");
        assertThat(problem(ingest(name, "warehouse", "select 1, 2"), 400, "invalid-query", "source.query")
                .path("detail").asString()).contains("\"?column?\"", "AS");
        problem(ingest(name, "warehouse", "select 1 as one where false"), 400, "no-rows", "source.query");
        assertThat(problem(ingest(name, "warehouse", "commit"), 400, "invalid-query", "source.query")
                .path("detail").asString()).contains("returns no result", "send a query");
        assertNoVersion(name);
    }

    @Test
    void theSourceIsCheckedBeforeAnythingRuns() {
        String name = createDataset(uniqueName("jdbc-checked"), null);

        problem(ingest(name, null, "select 1 as one"), 400, "missing-field", "source.connection");
        problem(ingest(name, " ", "select 1 as one"), 400, "missing-field", "source.connection");
        JsonNode unknown = problem(ingest(name, "nowhere", "select 1 as one"), 400, "unknown-connection",
                "source.connection");
        assertThat(unknown.path("detail").asString()).contains("'nowhere'", "capped, impatient, locked, offline,"
                + " warehouse");
        problem(ingest(name, "warehouse", null), 400, "missing-field", "source.query");
        problem(ingest(name, "warehouse", "  \n"), 400, "missing-field", "source.query");
        problem(ingest(name, "warehouse", " ; "), 400, "invalid-query", "source.query");
        String huge = "select 1 as one -- " + "x".repeat(100_000);
        assertThat(problem(ingest(name, "warehouse", huge), 400, "invalid-query", "source.query")
                .path("detail").asString()).contains("100000");
        problem(ingest(uniqueName("jdbc-absent"), "warehouse", "select 1 as one"), 404, "not-found");
        assertNoVersion(name);
    }

    @Test
    void aDatabaseThatRefusesTheLoginOrCannotBeReachedIs502WithoutThePassword() {
        String name = createDataset(uniqueName("jdbc-login"), null);

        Response locked = ingest(name, "locked", "select 1 as one");
        JsonNode refused = problem(locked, 502, "source-unavailable", "source.connection");
        assertThat(refused.path("connection").asString()).isEqualTo("locked");
        assertThat(refused.path("sqlState").asString()).isEqualTo("28P01");
        assertThat(refused.path("detail").asString()).contains("'locked'", "password authentication failed");
        assertThat(locked.text()).doesNotContain(WRONG_PASSWORD);

        Response offline = ingest(name, "offline", "select 1 as one");
        assertThat(problem(offline, 502, "source-unavailable", "source.connection").path("connection").asString())
                .isEqualTo("offline");
        assertThat(offline.text()).doesNotContain(WRONG_PASSWORD);
        assertNoVersion(name);
    }

    @Test
    void aResultOverTheRowCapIsRefusedAndNothingIsStored() {
        String name = createDataset(uniqueName("jdbc-capped"), null);

        JsonNode tooLarge = problem(ingest(name, "capped", ROWS), 413, "query-too-large", "source.query");

        assertThat(tooLarge.path("maxRows").asInt()).isEqualTo(100);
        assertThat(tooLarge.path("detail").asString()).contains("more than 100 rows", "max-rows", "nothing was stored");
        assertNoVersion(name);
        Response atTheCap = ingest(name, "capped", ROWS + " limit 100");
        assertThat(atTheCap.status()).as(atTheCap.text()).isEqualTo(201);
        assertThat(atTheCap.body().path("rows").asLong()).isEqualTo(100);
    }

    @Test
    void aQueryPastItsTimeoutIsCancelledInTheDatabase() {
        String name = createDataset(uniqueName("jdbc-slow"), null);

        Response sleeping = ingest(name, "impatient", "select pg_sleep(5) as slept");

        JsonNode late = problem(sleeping, 422, "source-timeout", "source.query");
        assertThat(late.path("timeoutSeconds").asDouble()).isEqualTo(1.0);
        assertThat(sleeping.millis()).isLessThan(2_500);
        // rows that trickle in, one per fetch: the deadline covers the whole read, not only the first batch
        Response trickling = ingest(name, "impatient",
                "select i, pg_sleep(0.2) is null as slept from generate_series(1, 20) as i");
        problem(trickling, 422, "source-timeout", "source.query");
        assertThat(trickling.millis()).isLessThan(2_500);
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where query like '%pg_sleep(%' and state = "
                + "'active' and pid <> pg_backend_pid()").query(Long.class).single()).isZero();
        assertNoVersion(name);
    }

    private static JsonNode column(JsonNode profile, String name) {
        for (JsonNode c : profile.path("columns")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + profile);
    }
}

package dev.gyre.registry;

import dev.gyre.test.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.gyre.test.ProblemAssertions.problem;
import static dev.gyre.test.UniqueNames.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

class AliasAndArchiveTests extends RegistryServiceTestBase {

    /** A model with versions 1 (logistic) and 2 (CART). */
    private String modelWithTwoVersions(String prefix) {
        String model = uniqueName(prefix);
        registered(model, logisticBundle(model), 201, 1);
        registered(model, cartBundle(model), 201, 2);
        return model;
    }

    @Test
    void setsReadsMovesAndDropsTheChampionAlias() {
        String model = modelWithTwoVersions("promote");
        String alias = "/api/v1/models/" + model + "/aliases/champion";

        Response set = as("alice").put(alias, "{\"version\":1}");
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().path("name").asString()).isEqualTo(model);
        assertThat(set.body().path("aliases").path("champion").asInt()).isEqualTo(1);

        JsonNode champion = http.get(alias).body();
        assertThat(champion.path("version").asInt()).isEqualTo(1);
        assertThat(champion.path("aliases").get(0).asString()).isEqualTo("champion");

        assertThat(as("bob").put(alias, "{\"version\":2}").body().path("aliases").path("champion").asInt())
                .isEqualTo(2);
        assertThat(http.get(alias).body().path("version").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/models/" + model + "/versions/1").body().path("aliases").size()).isZero();

        Response dropped = as("carol").delete(alias);
        assertThat(dropped.status()).as(dropped.text()).isEqualTo(204);
        problem(http.get(alias), 404, "not-found");
        problem(http.delete(alias), 404, "not-found");
        assertThat(http.get("/api/v1/models/" + model).body().path("aliases").size()).isZero();
    }

    @Test
    void refusesAnAliasToAnUnknownVersionOrWithABadNameOrNoVersion() {
        String model = modelWithTwoVersions("badalias");
        problem(http.put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":9}"), 404, "not-found");
        JsonNode badName = problem(http.put("/api/v1/models/" + model + "/aliases/Champion!", "{\"version\":1}"),
                400, "invalid-name");
        assertThat(badName.path("field").asString()).isEqualTo("alias");
        JsonNode noVersion = problem(http.put("/api/v1/models/" + model + "/aliases/champion", "{}"),
                400, "missing-field");
        assertThat(noVersion.path("field").asString()).isEqualTo("version");
        problem(http.put("/api/v1/models/" + uniqueName("ghost") + "/aliases/champion", "{\"version\":1}"),
                404, "not-found");
    }

    @Test
    void archivingAnAliasedVersionIsAConflictNamingTheAlias() {
        String model = modelWithTwoVersions("archive");
        http.put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}");

        JsonNode problem = problem(http.post("/api/v1/models/" + model + "/versions/2/archive"), 409,
                "version-aliased");
        assertThat(problem.path("detail").asString()).contains("champion");
        assertThat(problem.path("aliases").get(0).asString()).isEqualTo("champion");
        assertThat(http.get("/api/v1/models/" + model + "/versions/2").body().path("stage").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void archivesAnUnaliasedVersionAndThenNoAliasMayPointAtIt() {
        String model = modelWithTwoVersions("retire");

        Response archived = as("alice").post("/api/v1/models/" + model + "/versions/1/archive");
        assertThat(archived.status()).as(archived.text()).isEqualTo(200);
        assertThat(archived.body().path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(http.get("/api/v1/models/" + model + "/versions/1").body().path("stage").asString())
                .isEqualTo("ARCHIVED");

        JsonNode problem = problem(http.put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":1}"),
                409, "version-archived");
        assertThat(problem.path("version").asInt()).isEqualTo(1);
        problem(http.get("/api/v1/models/" + model + "/aliases/champion"), 404, "not-found");
        problem(http.post("/api/v1/models/" + model + "/versions/7/archive"), 404, "not-found");
    }

    @Test
    void theEventsTellTheStoryNewestFirstWithTheActor() {
        String model = uniqueName("audit");
        assertThat(register(model, logisticBundle(model), metadata(null), "trainer").status()).isEqualTo(201);
        assertThat(register(model, cartBundle(model), metadata(null), "trainer").status()).isEqualTo(201);
        as("alice").put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":1}");
        as("bob").put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}");
        as("bob").put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}"); // no change, no event
        as("carol").post("/api/v1/models/" + model + "/versions/1/archive");
        http.delete("/api/v1/models/" + model + "/aliases/champion");

        JsonNode events = http.get("/api/v1/models/" + model + "/events").body();

        assertThat(events.size()).isEqualTo(6);
        assertEvent(events.get(0), "ALIAS_REMOVED", 2, "champion", "anonymous");
        assertEvent(events.get(1), "ARCHIVED", 1, null, "carol");
        assertEvent(events.get(2), "ALIAS_SET", 2, "champion", "bob");
        assertThat(events.get(2).path("details").path("from").asInt()).isEqualTo(1);
        assertEvent(events.get(3), "ALIAS_SET", 1, "champion", "alice");
        assertEvent(events.get(4), "REGISTERED", 2, null, "trainer");
        assertEvent(events.get(5), "REGISTERED", 1, null, "trainer");
        assertThat(events.get(5).path("details").path("sha256").asString()).hasSize(64);
        assertThat(events.get(5).path("at").asString()).isNotBlank();
    }

    @Test
    void pagesVersionsAndEventsWhenAskedAndKeepsTheBareArrayOtherwise() {
        String model = uniqueName("paged");
        register(model, logisticBundle(model), metadata(null), "trainer");
        register(model, cartBundle(model), metadata(null), "trainer");
        as("alice").put("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}");

        assertThat(http.get("/api/v1/models/" + model + "/versions").body().isArray()).isTrue();
        JsonNode versions = http.get("/api/v1/models/" + model + "/versions?page=1&size=1").body();
        assertThat(versions.path("page").asInt()).isEqualTo(1);
        assertThat(versions.path("size").asInt()).isEqualTo(1);
        assertThat(versions.path("total").asLong()).isEqualTo(2);
        assertThat(versions.path("items").size()).isEqualTo(1);
        assertThat(versions.path("items").get(0).path("version").asInt()).isEqualTo(2);

        JsonNode events = http.get("/api/v1/models/" + model + "/events?size=2").body();
        assertThat(events.path("page").asInt()).isZero();
        assertThat(events.path("total").asLong()).isEqualTo(3);
        assertThat(events.path("items").size()).isEqualTo(2);
        assertThat(events.path("items").get(0).path("type").asString()).isEqualTo("ALIAS_SET");
        assertThat(http.get("/api/v1/models/" + model + "/events?page=5").body().path("items").size()).isZero();

        problem(http.get("/api/v1/models/" + model + "/versions?page=-1"), 400, "invalid-page");
        problem(http.get("/api/v1/models/" + model + "/events?size=0"), 400, "invalid-page");
        problem(http.get("/api/v1/models/" + uniqueName("ghost") + "/events?page=0"), 404, "not-found");
    }

    @Test
    void unknownModelsAndVersionsAre404Problems() {
        String ghost = uniqueName("ghost");
        problem(http.get("/api/v1/models/" + ghost), 404, "not-found");
        problem(http.get("/api/v1/models/" + ghost + "/versions"), 404, "not-found");
        problem(http.get("/api/v1/models/" + ghost + "/versions/1"), 404, "not-found");
        problem(http.get("/api/v1/models/" + ghost + "/versions/1/bundle"), 404, "not-found");
        problem(http.get("/api/v1/models/" + ghost + "/events"), 404, "not-found");
        problem(http.get("/api/v1/models/" + ghost + "/aliases/champion"), 404, "not-found");

        String model = modelWithTwoVersions("known");
        JsonNode missing = problem(http.get("/api/v1/models/" + model + "/versions/3"), 404, "not-found");
        assertThat(missing.path("detail").asString()).contains(model + "/3");
        problem(http.get("/api/v1/models/" + model + "/versions/3/bundle"), 404, "not-found");
        problem(http.get("/api/v1/models/" + model + "/versions/abc"), 400, "invalid-parameter");
    }

    @Test
    void listsModelsPagedWithTheirAliases() {
        String model = modelWithTwoVersions("aaa-listed");
        http.put("/api/v1/models/" + model + "/aliases/challenger", "{\"version\":2}");

        JsonNode page = http.get("/api/v1/models?page=0&size=500").body();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode listed = page.path("items").valueStream()
                .filter(m -> m.path("name").asString().equals(model)).findFirst().orElseThrow();
        assertThat(listed.path("aliases").path("challenger").asInt()).isEqualTo(2);
        assertThat(listed.path("latestVersion").asInt()).isEqualTo(2);

        problem(http.get("/api/v1/models?size=0"), 400, "invalid-page");
    }

    private static void assertEvent(JsonNode event, String type, int version, String alias, String actor) {
        assertThat(event.path("type").asString()).isEqualTo(type);
        assertThat(event.path("version").asInt()).isEqualTo(version);
        if (alias == null) {
            assertThat(event.path("alias").isNull() || event.path("alias").isMissingNode()).isTrue();
        } else {
            assertThat(event.path("alias").asString()).isEqualTo(alias);
        }
        assertThat(event.path("actor").asString()).isEqualTo(actor);
    }
}

package dev.gyre.registry;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

        HttpResponse<byte[]> set = putJson(alias, "{\"version\":1}", "alice");
        assertThat(set.statusCode()).as(text(set)).isEqualTo(200);
        assertThat(json(set).path("name").asString()).isEqualTo(model);
        assertThat(json(set).path("aliases").path("champion").asInt()).isEqualTo(1);

        JsonNode champion = json(get(alias));
        assertThat(champion.path("version").asInt()).isEqualTo(1);
        assertThat(champion.path("aliases").get(0).asString()).isEqualTo("champion");

        assertThat(json(putJson(alias, "{\"version\":2}", "bob")).path("aliases").path("champion").asInt())
                .isEqualTo(2);
        assertThat(json(get(alias)).path("version").asInt()).isEqualTo(2);
        assertThat(json(get("/api/v1/models/" + model + "/versions/1")).path("aliases").size()).isZero();

        HttpResponse<byte[]> dropped = delete(alias, "carol");
        assertThat(dropped.statusCode()).as(text(dropped)).isEqualTo(204);
        problem(get(alias), 404, "not-found");
        problem(delete(alias, null), 404, "not-found");
        assertThat(json(get("/api/v1/models/" + model)).path("aliases").size()).isZero();
    }

    @Test
    void refusesAnAliasToAnUnknownVersionOrWithABadNameOrNoVersion() {
        String model = modelWithTwoVersions("badalias");
        problem(putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":9}", null), 404, "not-found");
        JsonNode badName = problem(putJson("/api/v1/models/" + model + "/aliases/Champion!", "{\"version\":1}", null),
                400, "invalid-name");
        assertThat(badName.path("field").asString()).isEqualTo("alias");
        JsonNode noVersion = problem(putJson("/api/v1/models/" + model + "/aliases/champion", "{}", null),
                400, "missing-field");
        assertThat(noVersion.path("field").asString()).isEqualTo("version");
        problem(putJson("/api/v1/models/" + uniqueName("ghost") + "/aliases/champion", "{\"version\":1}", null),
                404, "not-found");
    }

    @Test
    void archivingAnAliasedVersionIsAConflictNamingTheAlias() {
        String model = modelWithTwoVersions("archive");
        putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}", null);

        JsonNode problem = problem(post("/api/v1/models/" + model + "/versions/2/archive", null), 409,
                "version-aliased");
        assertThat(problem.path("detail").asString()).contains("champion");
        assertThat(problem.path("aliases").get(0).asString()).isEqualTo("champion");
        assertThat(json(get("/api/v1/models/" + model + "/versions/2")).path("stage").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void archivesAnUnaliasedVersionAndThenNoAliasMayPointAtIt() {
        String model = modelWithTwoVersions("retire");

        HttpResponse<byte[]> archived = post("/api/v1/models/" + model + "/versions/1/archive", "alice");
        assertThat(archived.statusCode()).as(text(archived)).isEqualTo(200);
        assertThat(json(archived).path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(json(get("/api/v1/models/" + model + "/versions/1")).path("stage").asString()).isEqualTo("ARCHIVED");

        JsonNode problem = problem(putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":1}", null),
                409, "version-archived");
        assertThat(problem.path("version").asInt()).isEqualTo(1);
        problem(get("/api/v1/models/" + model + "/aliases/champion"), 404, "not-found");
        problem(post("/api/v1/models/" + model + "/versions/7/archive", null), 404, "not-found");
    }

    @Test
    void theEventsTellTheStoryNewestFirstWithTheActor() {
        String model = uniqueName("audit");
        assertThat(register(model, logisticBundle(model), metadata(null), "trainer").statusCode()).isEqualTo(201);
        assertThat(register(model, cartBundle(model), metadata(null), "trainer").statusCode()).isEqualTo(201);
        putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":1}", "alice");
        putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}", "bob");
        putJson("/api/v1/models/" + model + "/aliases/champion", "{\"version\":2}", "bob"); // no change, no event
        post("/api/v1/models/" + model + "/versions/1/archive", "carol");
        delete("/api/v1/models/" + model + "/aliases/champion", null);

        JsonNode events = json(get("/api/v1/models/" + model + "/events"));

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
    void unknownModelsAndVersionsAre404Problems() {
        String ghost = uniqueName("ghost");
        problem(get("/api/v1/models/" + ghost), 404, "not-found");
        problem(get("/api/v1/models/" + ghost + "/versions"), 404, "not-found");
        problem(get("/api/v1/models/" + ghost + "/versions/1"), 404, "not-found");
        problem(get("/api/v1/models/" + ghost + "/versions/1/bundle"), 404, "not-found");
        problem(get("/api/v1/models/" + ghost + "/events"), 404, "not-found");
        problem(get("/api/v1/models/" + ghost + "/aliases/champion"), 404, "not-found");

        String model = modelWithTwoVersions("known");
        JsonNode missing = problem(get("/api/v1/models/" + model + "/versions/3"), 404, "not-found");
        assertThat(missing.path("detail").asString()).contains(model + "/3");
        problem(get("/api/v1/models/" + model + "/versions/3/bundle"), 404, "not-found");
        problem(get("/api/v1/models/" + model + "/versions/abc"), 400, "invalid-parameter");
    }

    @Test
    void listsModelsPagedWithTheirAliases() {
        String model = modelWithTwoVersions("aaa-listed");
        putJson("/api/v1/models/" + model + "/aliases/challenger", "{\"version\":2}", null);

        JsonNode page = json(get("/api/v1/models?page=0&size=500"));
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode listed = page.path("items").valueStream()
                .filter(m -> m.path("name").asString().equals(model)).findFirst().orElseThrow();
        assertThat(listed.path("aliases").path("challenger").asInt()).isEqualTo(2);
        assertThat(listed.path("latestVersion").asInt()).isEqualTo(2);

        problem(get("/api/v1/models?size=0"), 400, "invalid-parameter");
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

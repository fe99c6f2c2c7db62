package dev.gyre.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loop through the gateway on the real platform: ingest → validate → profile → train →
 * evaluate → register → deploy → predict → log → drift report, with the bad-input cases on the way.
 * The steps share one platform and run in order; each asserts what the next relies on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoopIT {
    private static final String DATASET = "penguins";
    private static final String MODEL = "penguin-species";
    private static final List<String> FEATURES = List.of("Island", "Beak Length (mm)", "Beak Depth (mm)",
            "Flipper Length (mm)", "Body Mass (g)", "Sex");

    private Platform platform;
    private Gyre gyre;
    private byte[] penguins;
    private int version;

    @BeforeAll
    void startPlatform() throws Exception {
        penguins = Files.readAllBytes(Path.of(System.getProperty("gyre.datasets", "../datasets"), "penguins.csv"));
        Instant start = Instant.now();
        platform = Platform.start(Duration.ofSeconds(240));
        System.out.printf("platform ready in %d s%n", Duration.between(start, Instant.now()).toSeconds());
        gyre = new Gyre(platform.gateway, platform.adminKey);
    }

    @AfterAll
    void stopPlatform() throws InterruptedException {
        if (platform != null) {
            List<ProcessHandle> children = platform.children();
            platform.close();
            for (ProcessHandle child : children) {
                child.onExit().toCompletableFuture().completeOnTimeout(null, 30, java.util.concurrent.TimeUnit.SECONDS).join();
                assertThat(child.isAlive()).as("child %s stopped with the platform", child.pid()).isFalse();
            }
        }
    }

    @Test
    @Order(1)
    void requestsWithoutTheKeyAreRefused() {
        Gyre.Reply noKey = gyre.withKey(null).get("/api/v1/datasets");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("code").asString()).isEqualTo("unauthorized");
        assertThat(gyre.withKey("not-the-key").get("/api/v1/datasets").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void onePageListsEveryServicesApi() {
        for (String service : List.of("data-service", "training-service", "registry-service", "serving-service",
                "monitoring-service")) {
            Gyre.Reply docs = gyre.get("/v3/api-docs/" + service);
            assertThat(docs.status()).as(service).isEqualTo(200);
            assertThat(docs.json().path("paths").size()).as(service + " paths").isPositive();
        }
        assertThat(gyre.withKey(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void ingestsValidatesAndProfilesTheCsv() {
        Gyre.Reply created = gyre.postJson("/api/v1/datasets", Map.of("name", DATASET, "labelColumn", "Species"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(gyre.postJson("/api/v1/datasets", Map.of("name", DATASET)).status()).isEqualTo(409);

        Gyre.Reply ragged = gyre.postCsv("/api/v1/datasets/" + DATASET + "/versions",
                "a,b,c\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ragged.status()).as(ragged.toString()).isEqualTo(400);
        assertThat(ragged.json().path("line").asInt()).isEqualTo(3);

        Gyre.Reply first = gyre.postCsv("/api/v1/datasets/" + DATASET + "/versions", penguins);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        version = first.json().path("version").asInt();
        assertThat(version).isEqualTo(1);
        assertThat(first.json().path("rows").asLong()).isEqualTo(344);
        assertThat(first.json().path("status").asString()).isEqualTo("VALID");
        assertThat(typeOf(first.json(), "Body Mass (g)")).isEqualTo("numeric");
        assertThat(typeOf(first.json(), "Island")).isEqualTo("categorical");

        Gyre.Reply again = gyre.postCsv("/api/v1/datasets/" + DATASET + "/versions", penguins);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asInt()).isEqualTo(version);
        assertThat(again.json().path("contentHash").asString()).isEqualTo(first.json().path("contentHash").asString());

        Gyre.Reply profile = gyre.get("/api/v1/datasets/" + DATASET + "/versions/" + version + "/profile");
        assertThat(profile.status()).isEqualTo(200);
        JsonNode mass = column(profile.json(), "Body Mass (g)");
        assertThat(mass.path("missing").asLong()).isEqualTo(2);
        assertThat(mass.path("count").asLong()).isEqualTo(342);
        assertThat(mass.path("min").asDouble()).isEqualTo(2700.0);
        assertThat(mass.path("max").asDouble()).isEqualTo(6300.0);
    }

    @Test
    @Order(4)
    void trainsEvaluatesAndRegistersTheBestCandidate() {
        Map<String, Object> job = Map.of(
                "experiment", "penguins-e2e",
                "dataset", Map.of("name", DATASET, "version", version),
                "label", "Species",
                "task", "classification",
                "candidates", List.of(Map.of("algorithm", "logistic-regression"), Map.of("algorithm", "cart"),
                        Map.of("algorithm", "xgboost")),
                "evaluation", Map.of("method", "kfold", "folds", 3, "metric", "accuracy"),
                "register", Map.of("model", MODEL, "alias", "champion"));
        Gyre.Reply submitted = gyre.postJson("/api/v1/training-jobs", job);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().path("id").asString();

        Gyre.Reply done = await(() -> gyre.get("/api/v1/training-jobs/" + id),
                reply -> Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(reply.json().path("status").asString()),
                Duration.ofMinutes(4));
        assertThat(done.json().path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.json().path("runs").size()).isEqualTo(3);
        double best = done.json().path("bestRun").path("metrics").path("accuracy").asDouble();
        for (JsonNode run : done.json().path("runs")) {
            assertThat(run.path("metrics").path("accuracy").asDouble()).isLessThanOrEqualTo(best);
        }
        assertThat(best).isGreaterThan(0.9);
        assertThat(done.json().path("registered").path("model").asString()).isEqualTo(MODEL);

        Gyre.Reply model = gyre.get("/api/v1/models/" + MODEL);
        assertThat(model.status()).isEqualTo(200);
        assertThat(model.json().path("aliases").path("champion").asInt()).isEqualTo(1);
        Gyre.Reply registered = gyre.get("/api/v1/models/" + MODEL + "/versions/1");
        assertThat(registered.json().path("lineage").path("dataset").asString()).isEqualTo(DATASET);
        assertThat(registered.json().path("sha256").asString()).hasSize(64);
    }

    @Test
    @Order(5)
    void deploysTheChampionAndPredicts() {
        Gyre.Reply deployed = gyre.putJson("/api/v1/deployments/" + MODEL, Map.of("model", MODEL, "alias", "champion"));
        assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);

        Map<String, Object> adelie = new LinkedHashMap<>();
        adelie.put("Island", "Torgersen");
        adelie.put("Beak Length (mm)", 39.1);
        adelie.put("Beak Depth (mm)", 18.7);
        adelie.put("Flipper Length (mm)", 181);
        adelie.put("Body Mass (g)", 3750);
        adelie.put("Sex", "MALE");
        Gyre.Reply predicted = gyre.postJson("/api/v1/deployments/" + MODEL + "/predict",
                Map.of("instances", List.of(adelie)));
        assertThat(predicted.status()).as(predicted.toString()).isEqualTo(200);
        assertThat(predicted.json().path("predictions").get(0).path("label").asString()).isEqualTo("Adelie");
        assertThat(predicted.json().path("model").path("version").asInt()).isEqualTo(1);

        Map<String, Object> wrong = new LinkedHashMap<>(adelie);
        wrong.put("Body Mass (g)", "heavy");
        wrong.put("Colour", "black");
        Gyre.Reply rejected = gyre.postJson("/api/v1/deployments/" + MODEL + "/predict",
                Map.of("instances", List.of(wrong)));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.body()).contains("Body Mass (g)").contains("Colour");
    }

    @Test
    @Order(6)
    void comparesLoggedPredictionsWithTheReference() throws IOException {
        Gyre.Reply monitor = gyre.putJson("/api/v1/monitors/" + MODEL,
                Map.of("reference", Map.of("dataset", DATASET, "version", version)));
        assertThat(monitor.status()).as(monitor.toString()).isIn(200, 201);

        List<Map<String, Object>> instances = instancesFromCsv();
        Gyre.Reply predicted = gyre.postJson("/api/v1/deployments/" + MODEL + "/predict",
                Map.of("instances", instances));
        assertThat(predicted.status()).as(predicted.toString()).isEqualTo(200);
        assertThat(predicted.json().path("predictions").size()).isEqualTo(instances.size());

        // Logging is asynchronous: evaluate until every prediction made so far has reached monitoring.
        int expected = instances.size() + 1;
        Gyre.Reply report = await(() -> gyre.postJson("/api/v1/monitors/" + MODEL + "/evaluate", Map.of()),
                reply -> reply.status() == 200 && reply.json().path("window").path("rows").asInt() >= expected,
                Duration.ofSeconds(60));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        Set<String> reported = new TreeSet<>();
        for (JsonNode feature : report.json().path("features")) {
            reported.add(feature.path("name").asString());
            assertThat(feature.path("test").asString()).isIn("ks", "chi2", "psi");
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(FEATURES);
        // The logged inputs are the reference's own rows: nothing should look drifted.
        assertThat(report.json().path("datasetDrift").asBoolean()).isFalse();

        Gyre.Reply latest = gyre.get("/api/v1/monitors/" + MODEL + "/drift");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("features").size()).isEqualTo(FEATURES.size());
    }

    @Test
    @Order(7)
    void answersAStoppedServiceWithA503ProblemAtOnce() {
        ProcessHandle serving = platform.children().stream()
                .filter(p -> p.info().commandLine().orElse("").contains("dev.gyre.serving."))
                .findFirst().orElseThrow(() -> new AssertionError("no serving-service process"));
        serving.destroy();
        serving.onExit().join();

        long start = System.nanoTime();
        Gyre.Reply down = gyre.get("/api/v1/deployments/" + MODEL);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.json().path("code").asString()).isEqualTo("service-unavailable");
        assertThat(down.body()).contains("serving-service");
        assertThat(millis).as("time to answer").isLessThan(1000);
        // the rest of the platform keeps working
        assertThat(gyre.get("/api/v1/models/" + MODEL).status()).isEqualTo(200);
    }

    /** Every penguin row as a JSON instance: numbers as numbers, missing cells left out. */
    private List<Map<String, Object>> instancesFromCsv() throws IOException {
        List<Map<String, Object>> instances = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .ofNamedCsvRecord(new String(penguins, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord record : reader) {
                Map<String, Object> instance = new LinkedHashMap<>();
                for (String feature : FEATURES) {
                    String cell = record.getField(feature);
                    if (cell.isEmpty()) {
                        continue;
                    }
                    boolean numeric = feature.contains("(");
                    instance.put(feature, numeric ? Double.parseDouble(cell) : cell);
                }
                if (instance.size() == FEATURES.size() || instance.size() == FEATURES.size() - 1) {
                    instances.add(instance);
                }
            }
        }
        return instances;
    }

    /**
     * Curation on the penguins file: declared rules with a warning and an error, quarantine, dedupe, impute, a
     * stratified 70/15/15 split, and a training job on the train split; every count computed here from the file.
     */
    @Test
    @Order(20)
    void curatesThePenguinsAndTrainsOnTheTrainSplit() {
        String name = "penguins-curated";
        List<String[]> rows = new java.util.ArrayList<>();
        for (String line : new String(penguins, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n")) {
            rows.add(line.split(",", -1));
        }
        rows.remove(0);
        long heavy = rows.stream().filter(r -> !r[5].isEmpty() && Double.parseDouble(r[5]) > 6000).count();
        long shortBeaks = rows.stream().filter(r -> !r[2].isEmpty() && Double.parseDouble(r[2]) < 35).count();
        List<String[]> kept = rows.stream().filter(r -> r[5].isEmpty() || Double.parseDouble(r[5]) <= 6000).toList();
        long distinct = kept.stream().map(java.util.Arrays::asList).distinct().count();
        long sexMissing = kept.stream().map(java.util.Arrays::asList).distinct().filter(r -> r.get(6).isEmpty()).count();
        assertThat(heavy).isPositive();
        assertThat(shortBeaks).isPositive();

        List<Map<String, Object>> schema = List.of(
                Map.of("name", "Species", "type", "categorical", "allowed", List.of("Adelie", "Chinstrap", "Gentoo")),
                Map.of("name", "Island", "type", "categorical"),
                Map.of("name", "Beak Length (mm)", "type", "numeric", "min", 35, "severity", "warning"),
                Map.of("name", "Beak Depth (mm)", "type", "numeric"),
                Map.of("name", "Flipper Length (mm)", "type", "numeric"),
                Map.of("name", "Body Mass (g)", "type", "numeric", "max", 6000),
                Map.of("name", "Sex", "type", "categorical"));
        assertThat(gyre.postJson("/api/v1/datasets", Map.of("name", name, "labelColumn", "Species", "schema", schema,
                "onError", "quarantine")).status()).isEqualTo(201);
        Gyre.Reply ingested = gyre.postCsv("/api/v1/datasets/" + name + "/versions", penguins);
        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(201);
        JsonNode v1 = ingested.json();
        assertThat(v1.path("status").asString()).isEqualTo("VALID");
        assertThat(v1.path("rows").asLong()).isEqualTo(rows.size() - heavy);
        assertThat(v1.path("validation").path("quarantined").asLong()).isEqualTo(heavy);
        Map<String, JsonNode> rules = new java.util.HashMap<>();
        v1.path("validation").path("rules").forEach(r -> rules.put(r.path("rule").asString(), r));
        assertThat(rules.get("max").path("failingRows").asLong()).isEqualTo(heavy);
        assertThat(rules.get("max").path("severity").asString()).isEqualTo("error");
        assertThat(rules.get("min").path("failingRows").asLong()).isEqualTo(shortBeaks);
        assertThat(rules.get("min").path("severity").asString()).isEqualTo("warning");
        Gyre.Reply quarantine = gyre.get("/api/v1/datasets/" + name + "/versions/1/quarantine");
        assertThat(quarantine.status()).isEqualTo(200);
        assertThat(quarantine.body().strip().split("\r?\n")).hasSize((int) heavy + 1)
                .allMatch(line -> line.startsWith("__row") || line.endsWith("max(Body Mass (g))"));

        Gyre.Reply curated = gyre.postJson("/api/v1/datasets/" + name + "/versions/1/curate", Map.of("recipe", Map.of(
                "steps", List.of(Map.of("op", "dedupe"), Map.of("op", "dropMissing"),
                        Map.of("op", "impute", "columns", List.of("Sex"), "strategy", "mode")),
                "split", Map.of("method", "stratified", "seed", 7,
                        "fractions", Map.of("train", 0.7, "validation", 0.15, "test", 0.15)))));
        assertThat(curated.status()).as(curated.toString()).isEqualTo(201);
        JsonNode v2 = curated.json();
        JsonNode steps = v2.path("lineage").path("steps");
        assertThat(steps.get(0).path("rowsChanged").asLong()).isEqualTo(kept.size() - distinct);
        assertThat(steps.get(1).path("rowsChanged").asLong()).isZero(); // no penguin lacks its species
        assertThat(steps.get(2).path("valuesChanged").asLong()).isEqualTo(sexMissing);
        assertThat(v2.path("rows").asLong()).isEqualTo(distinct);
        Map<String, Long> perClass = new java.util.HashMap<>();
        kept.stream().map(java.util.Arrays::asList).distinct().forEach(r -> perClass.merge(r.get(0), 1L, Long::sum));
        long train = 0;
        long test = 0;
        for (long n : perClass.values()) {
            train += Math.round(n * 0.7);
            test += n - Math.round(n * 0.7) - Math.round(n * 0.15);
        }
        assertThat(v2.path("splits").path("train").asLong()).isEqualTo(train);
        assertThat(v2.path("splits").path("test").asLong()).isEqualTo(test);
        int curatedVersion = v2.path("version").asInt();
        Gyre.Reply trainRows = gyre.get("/api/v1/datasets/" + name + "/versions/" + curatedVersion
                + "/content?split=train");
        assertThat(trainRows.body().strip().split("\r?\n")).hasSize((int) train + 1);

        Gyre.Reply ranking = gyre.get("/api/v1/datasets/" + name + "/versions/" + curatedVersion
                + "/feature-ranking?method=mim");
        assertThat(ranking.status()).as(ranking.toString()).isEqualTo(200);
        assertThat(ranking.json().path("label").asString()).isEqualTo("Species");
        JsonNode ranked = ranking.json().path("features");
        assertThat(ranked.size()).isEqualTo(6);
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).path("rank").asInt()).isEqualTo(i + 1);
            assertThat(ranked.get(i).path("score").asDouble()).isLessThanOrEqualTo(ranked.get(i - 1).path("score")
                    .asDouble());
        }

        Gyre.Reply submitted = gyre.postJson("/api/v1/training-jobs", Map.of(
                "experiment", "penguins-curated-e2e",
                "dataset", Map.of("name", name, "version", curatedVersion, "split", "train"),
                "label", "Species", "task", "classification",
                "candidates", List.of(Map.of("algorithm", "logistic-regression")),
                "evaluation", Map.of("method", "kfold", "folds", 3, "metric", "accuracy")));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().path("id").asString();
        Gyre.Reply done = await(() -> gyre.get("/api/v1/training-jobs/" + id),
                reply -> Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(reply.json().path("status").asString()),
                Duration.ofMinutes(4));
        assertThat(done.json().path("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.json().path("bestRun").path("metrics").path("accuracy").asDouble()).isGreaterThan(0.9);
    }

    /**
     * Seattle's daily weather, 2012–2015: date parts and a derived column checked row by row against java.time and
     * the CSV; a time split whose train rows all come before the test rows; a selection fitted on the train rows.
     */
    @Test
    @Order(21)
    void extractsDatePartsFromSeattlesWeatherAndSelectsOnTheTrainRows() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of(System.getProperty("gyre.datasets", "../datasets"),
                "seattle-weather.csv"));
        List<String[]> rows = new java.util.ArrayList<>();
        for (String line : new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\r?\n")) {
            rows.add(line.split(",", -1));
        }
        rows.remove(0);
        String name = "seattle-weather";
        assertThat(gyre.postJson("/api/v1/datasets", Map.of("name", name, "labelColumn", "weather")).status())
                .isEqualTo(201);
        assertThat(gyre.postCsv("/api/v1/datasets/" + name + "/versions", csv).status()).isEqualTo(201);

        Gyre.Reply parts = gyre.postJson("/api/v1/datasets/" + name + "/versions/1/curate", Map.of("recipe", Map.of(
                "steps", List.of(Map.of("op", "dateParts", "column", "date", "parts", List.of("year", "month",
                                "dayOfWeek")),
                        Map.of("op", "derive", "column", "temp_range", "expression", "temp_max - temp_min")),
                "split", Map.of("method", "time", "column", "date", "fractions", Map.of("train", 0.8, "test", 0.2)))));
        assertThat(parts.status()).as(parts.toString()).isEqualTo(201);
        JsonNode steps = parts.json().path("lineage").path("steps");
        assertThat(steps.get(0).path("valuesChanged").asLong()).isEqualTo(3L * rows.size());
        assertThat(steps.get(1).path("valuesChanged").asLong()).isEqualTo(rows.size());
        long train = Math.round(0.8 * rows.size());
        assertThat(parts.json().path("splits").path("train").asLong()).isEqualTo(train);
        int v2 = parts.json().path("version").asInt();

        Map<String, String[]> byDate = new java.util.HashMap<>();
        rows.forEach(r -> byDate.put(r[0], r));
        String lastTrain = null;
        for (String split : List.of("train", "test")) {
            String[] lines = gyre.get("/api/v1/datasets/" + name + "/versions/" + v2 + "/content?split=" + split)
                    .body().strip().split("\r?\n");
            List<String> header = List.of(lines[0].split(","));
            assertThat(lines).hasSize((int) (split.equals("train") ? train : rows.size() - train) + 1);
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                String date = cells[header.indexOf("date")];
                java.time.LocalDate day = java.time.LocalDate.parse(date);
                assertThat(Double.parseDouble(cells[header.indexOf("date_year")])).isEqualTo(day.getYear());
                assertThat(Double.parseDouble(cells[header.indexOf("date_month")])).isEqualTo(day.getMonthValue());
                assertThat(Double.parseDouble(cells[header.indexOf("date_dayOfWeek")]))
                        .isEqualTo(day.getDayOfWeek().getValue());
                String[] source = byDate.get(date);
                assertThat(Double.parseDouble(cells[header.indexOf("temp_range")])).isCloseTo(
                        Double.parseDouble(source[2]) - Double.parseDouble(source[3]),
                        org.assertj.core.data.Offset.offset(1e-9));
                if (split.equals("train")) {
                    lastTrain = lastTrain == null || date.compareTo(lastTrain) > 0 ? date : lastTrain;
                } else {
                    assertThat(date).as("a test day after every train day").isGreaterThan(lastTrain);
                }
            }
        }

        Gyre.Reply selected = gyre.postJson("/api/v1/datasets/" + name + "/versions/1/curate", Map.of("recipe",
                Map.of("steps", List.of(Map.of("op", "dateParts", "column", "date", "parts", List.of("month")),
                                Map.of("op", "select", "k", 2)),
                        "split", Map.of("method", "time", "column", "date", "fractions",
                                Map.of("train", 0.8, "test", 0.2)))));
        assertThat(selected.status()).as(selected.toString()).isEqualTo(201);
        JsonNode fitted = selected.json().path("lineage").path("steps").get(1).path("fitted");
        assertThat(fitted.path("rows").asLong()).isEqualTo(train);
        assertThat(fitted.path("kept").size()).isEqualTo(2);
        assertThat(fitted.path("dropped").size()).isEqualTo(4); // of date, precipitation, temps, wind and month
        List<String> header = List.of(gyre.get("/api/v1/datasets/" + name + "/versions/"
                + selected.json().path("version").asInt() + "/content").body().lines().findFirst().orElseThrow()
                .split(","));
        assertThat(header).hasSize(3).contains("weather", fitted.path("kept").get(0).path("name").asString(),
                fitted.path("kept").get(1).path("name").asString());
    }

    private static String typeOf(JsonNode version, String column) {
        return column(version, column).path("type").asString();
    }

    private static JsonNode column(JsonNode node, String name) {
        for (JsonNode column : node.path("columns")) {
            if (name.equals(column.path("name").asString())) {
                return column;
            }
        }
        throw new AssertionError("no column " + name + " in " + node);
    }

    private static Gyre.Reply await(Supplier<Gyre.Reply> call, Predicate<Gyre.Reply> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Gyre.Reply reply = call.get();
        while (!done.test(reply) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = call.get();
        }
        return reply;
    }
}

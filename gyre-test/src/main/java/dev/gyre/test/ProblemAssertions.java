package dev.gyre.test;

import dev.gyre.test.HttpTestClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The one assertion of a Gyre error answer: an RFC 9457 problem with a status, a Gyre code and maybe a field. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /**
     * Asserts the status, {@code application/problem+json}, the Gyre {@code code} and
     * {@code type = https://gyre.dev/problems/<code>}, and returns the problem.
     */
    public static JsonNode problem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.body();
        assertThat(problem.path("code").asString()).as(response.text()).isEqualTo(code);
        assertThat(problem.path("type").asString()).isEqualTo("https://gyre.dev/problems/" + code);
        return problem;
    }

    /** As {@link #problem(Response, int, String)}, and asserts that the problem names {@code field}. */
    public static JsonNode problem(Response response, int status, String code, String field) {
        JsonNode problem = problem(response, status, code);
        assertThat(problem.path("field").asString()).as(response.text()).isEqualTo(field);
        return problem;
    }

    /** The status, {@code application/problem+json} and the Gyre {@code code} of an answer sent as raw bytes. */
    public static JsonNode problem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().path("code").asString()).as(answer.toString()).isEqualTo(code);
        return answer.json();
    }

    /** A 4xx problem with some Gyre code: what any refusal of malformed raw bytes must be. */
    public static JsonNode clientProblem(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().path("code").asString()).as(answer.toString()).isNotEmpty();
        return answer.json();
    }
}

package dev.gyre.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCodeTest {

    @Test
    void catalogueHoldsEachCodeOnceInKebabCase() {
        Set<String> codes = Arrays.stream(ProblemCode.values()).map(ProblemCode::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(ProblemCode.values().length);
        assertThat(codes).allMatch(c -> c.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(codes).doesNotContain("empty-body", "model-not-found", "internal-server-error");
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(ProblemCode.find(code.code())).contains(code);
        }
    }

    @Test
    void problemsCarryTheCataloguesCodeStatusAndTitle() {
        ProblemDetail problem = Problems.of(ProblemCode.INVALID_CSV, "row 3 has 2 cells", Map.of("row", 3)).getBody();

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).hasToString("https://gyre.dev/problems/invalid-csv");
        assertThat(problem.getTitle()).isEqualTo("Invalid csv");
        assertThat(problem.getProperties()).containsEntry("code", "invalid-csv").containsEntry("row", 3);
        assertThat(Problems.of(ProblemCode.INVALID_BUNDLE, HttpStatus.BAD_GATEWAY, "x", Map.of()).getBody()
                .getStatus()).isEqualTo(502);
        assertThat(Problems.notFound("model", "churn").getBody().getProperties()).containsEntry("code", "not-found");
    }

    @Test
    void aBareStatusGetsTheCatalogueEntryOrItsReasonPhrase() {
        assertThat(ProblemCode.forStatus(HttpStatus.NOT_FOUND)).isEqualTo("not-found");
        assertThat(ProblemCode.forStatus(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method-not-allowed");
        assertThat(ProblemCode.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)).isEqualTo("unsupported-media-type");
        assertThat(ProblemCode.forStatus(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo("internal-error");
        assertThat(ProblemCode.forStatus(HttpStatusCode.valueOf(599))).isEqualTo("error-599");
    }
}

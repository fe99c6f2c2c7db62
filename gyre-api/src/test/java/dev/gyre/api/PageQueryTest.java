package dev.gyre.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTest {

    @Test
    void aPageStartingPastTheLastReachableItemIsAnInvalidPageNamingPage() {
        assertInvalid(Integer.MAX_VALUE, 500, "page");
        assertInvalid(Integer.MAX_VALUE, 2, "page");
        // the first page whose offset no longer fits an int
        assertInvalid(Integer.MAX_VALUE / 500 + 1, 500, "page");
    }

    @Test
    void theLastReachablePageIsAccepted() {
        PageQuery last = PageQuery.of(Integer.MAX_VALUE / 500, 500);
        assertThat(last.offset()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(PageQuery.of(Integer.MAX_VALUE, 1).offset()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void negativePagesAndSizesOutOfRangeAreRefused() {
        assertInvalid(-1, 20, "page");
        assertInvalid(0, 0, "size");
        assertInvalid(0, PageQuery.MAX_SIZE + 1, "size");
    }

    @Test
    void missingValuesTakeTheDefaults() {
        assertThat(PageQuery.of(null, null)).isEqualTo(new PageQuery(0, 20));
    }

    private static void assertInvalid(int page, int size, String field) {
        assertThatThrownBy(() -> PageQuery.of(page, size))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    ProblemDetail problem = e.getBody();
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getProperties()).containsEntry("code", "invalid-page")
                            .containsEntry("field", field);
                });
    }
}

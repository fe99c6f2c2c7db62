package dev.gyre.gateway.path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the guard finds wrong with a raw path, and what it lets through. */
class RequestTargetGuardTests {

    @Test
    void letsThroughPathsThatReadTheSameEncodedAndDecoded() {
        assertThat(RequestTargetGuard.faultOf("/")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/datasets")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/datasets/")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/datasets/pen%20guins")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/datasets/100%25")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/datasets/caf%C3%A9")).isNull();
        assertThat(RequestTargetGuard.faultOf("/api/v1/models/churn.v2")).isNull();
    }

    @Test
    void namesWhatIsWrongWithAnAmbiguousPath() {
        assertThat(RequestTargetGuard.faultOf("api/v1")).contains("start with /");
        assertThat(RequestTargetGuard.faultOf("/api;x/v1")).contains(";");
        assertThat(RequestTargetGuard.faultOf("/api%3Bx/v1")).contains(";");
        assertThat(RequestTargetGuard.faultOf("/api%2Fv1")).contains("%2F");
        assertThat(RequestTargetGuard.faultOf("/api%5Cv1")).contains("backslash");
        assertThat(RequestTargetGuard.faultOf("/a/%00")).contains("NUL");
        assertThat(RequestTargetGuard.faultOf("/a/%7F")).contains("control");
        assertThat(RequestTargetGuard.faultOf("/a/%FF%FE")).contains("UTF-8");
        assertThat(RequestTargetGuard.faultOf("/a/%G1")).contains("broken");
        assertThat(RequestTargetGuard.faultOf("/a/caf\u00e9")).contains("non-ASCII");
        assertThat(RequestTargetGuard.faultOf("/a/%2561")).contains("doubly encoded");
        assertThat(RequestTargetGuard.faultOf("/a//b")).contains("empty segment");
        assertThat(RequestTargetGuard.faultOf("/a/%2e%2e/b")).contains("'..'");
        assertThat(RequestTargetGuard.faultOf("/a/./b")).contains("'.'");
    }
}

package dev.gyre.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAndRequestIdsTest {

    @Test
    void aCallerIsTheStrippedHeaderAtMost128CharactersOrAnonymous() {
        assertThat(Caller.fromHeader("  alice ").user()).isEqualTo("alice");
        assertThat(Caller.fromHeader(null).user()).isEqualTo(Caller.ANONYMOUS);
        assertThat(Caller.fromHeader(" \t").user()).isEqualTo(Caller.ANONYMOUS);
        assertThat(Caller.fromHeader("x".repeat(300)).user()).hasSize(Caller.MAX_LENGTH);
        assertThat(new Caller("bob")).isEqualTo(Caller.fromHeader("bob"));
    }

    @Test
    void aSaneRequestIdIsKeptAndAnyOtherReplacedByAUuid() {
        assertThat(RequestIds.saneOrNew("abc-1.2_3")).isEqualTo("abc-1.2_3");
        assertThat(RequestIds.isSane("a".repeat(64))).isTrue();
        assertThat(RequestIds.isSane("a".repeat(65))).isFalse();
        assertThat(RequestIds.isSane("bad id")).isFalse();
        assertThat(RequestIds.isSane("")).isFalse();
        assertThat(RequestIds.saneOrNew("evil\r\nX-Injected: 1")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.saneOrNew(null)).matches("[0-9a-f-]{36}");
    }
}

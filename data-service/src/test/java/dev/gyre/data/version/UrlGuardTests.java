package dev.gyre.data.version;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SSRF guard at the level of URLs and addresses: nothing here connects anywhere, and no name is sent to a DNS
 * server (literals only, or the resolver given in the test).
 */
class UrlGuardTests {

    /** Resolves IP literals and the names in the map; never asks a DNS server. */
    private static UrlGuard.Resolver names(Map<String, List<String>> names) {
        return host -> {
            if (host.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] result = new InetAddress[addresses.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = InetAddress.getByName(addresses.get(i)); // literals: no lookup
            }
            return result;
        };
    }

    private static UrlGuard.Refused refusal(Runnable call) {
        UrlGuard.Refused refused = catchThrowableOfType(UrlGuard.Refused.class, call::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            " http://example.com/a.csv", "http://example.com/a.csv ", "\thttp://example.com/a.csv",
            "http://example.com/a.csv\n", "http://example.com/a b.csv", "http://exa mple.com/a.csv",
            "http://example.com/\u00a0", "http://ex\u00e4mple.com/a.csv",
            "file:///etc/passwd", "ftp://example.com/a.csv", "gopher://127.0.0.1:5432/", "jar:http://x/!/a",
            "http:example.com", "//example.com/a.csv", "http:///a.csv", "http://a_b.example/a.csv",
            "http://user:pass@example.com/a.csv", "http://user@example.com/", "http://@example.com/",
            "http://user:pass@127.0.0.1/", "http://example.com@127.0.0.1/",
            "http://127.1/", "http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://0x7f000001/",
            "http://0177.0.0.1/", "http://127.0.0.01/", "http://127.000.000.001/", "http://1.2.3.4.5/",
            "http://127.0.0.1./", "http://256.0.0.1/", "http://example.123/", "http://0/",
            "http://example.com:0/", "http://example.com:65536/", "http://%6c%6f%63%61%6c%68%6f%73%74/",
            "http://127.0.0.1%2f/", "http://exa%2Emple.com/", "http://[::1/", "http://::1/", ""})
    void parseRefusesWhatItWouldHaveToGuessOrRepair(String url) {
        assertThat(refusal(() -> UrlGuard.parse(url)).kind()).isEqualTo(UrlGuard.Kind.INVALID);
    }

    @Test
    void parseNormalisesTheSchemeDeliberatelyAndDropsTheFragment() {
        assertThat(UrlGuard.parse("HTTP://example.com/A.csv?x=1#part")).isEqualTo(URI.create("http://example.com/A.csv?x=1"));
        assertThat(UrlGuard.parse("HtTpS://Example.com:8443/a.csv")).isEqualTo(URI.create("https://Example.com:8443/a.csv"));
        assertThat(UrlGuard.parse("http://8.8.8.8/a.csv").getHost()).isEqualTo("8.8.8.8");
        assertThat(UrlGuard.parse("http://[2606:4700:4700::1111]/a.csv").getHost()).isEqualTo("[2606:4700:4700::1111]");
        assertThatThrownBy(() -> UrlGuard.parse(null)).isInstanceOf(UrlGuard.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.0.1", "192.168.255.255", "100.64.0.1", "100.127.255.255", "169.254.169.254",
            "169.254.0.1", "192.0.0.192", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.1",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1",
            "::ffff:169.254.169.254", "::127.0.0.1", "::10.0.0.1", "::8.8.8.8", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1",
            "64:ff9b:1::1", "2002:7f00:1::", "2002:a00:1::1", "2001::1", "2001:db8::1", "100::1",
            "fc00::1", "fd00::1", "fd00:ec2::254", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff05::1:3"})
    void classifiesEveryNonPublicAddress(String literal) throws Exception {
        assertThat(UrlGuard.nonPublic(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.167.1.1", "223.255.255.254", "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void letsPublicAddressesThrough(String literal) throws Exception {
        assertThat(UrlGuard.nonPublic(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void refusesANameIfAnyOfItsAddressesIsNotPublic() {
        UrlGuard guard = new UrlGuard(List.of(), List.of(), names(Map.of(
                "metadata.test", List.of("169.254.169.254"),
                "mixed.test", List.of("93.184.216.34", "10.0.0.1"),
                "six.test", List.of("2606:4700:4700::1111", "fd00:ec2::254"),
                "localhost", List.of("127.0.0.1", "::1"),
                "public.test", List.of("93.184.216.34", "2606:4700:4700::1111"))));

        for (String host : List.of("metadata.test", "mixed.test", "six.test", "localhost")) {
            UrlGuard.Refused refused = refusal(() -> guard.check(UrlGuard.parse("http://" + host + "/a.csv")));
            assertThat(refused.kind()).as(host).isEqualTo(UrlGuard.Kind.NOT_ALLOWED);
            assertThat(refused.getMessage()).as(host).contains("resolves to").doesNotContain("10.0.0.1");
        }
        for (String literal : List.of("127.0.0.1", "[::1]", "0.0.0.0", "[::]", "[::ffff:127.0.0.1]", "10.1.2.3",
                "192.168.1.1", "172.20.0.1", "169.254.169.254", "[fe80::1]", "[fd00:ec2::254]", "100.100.100.200")) {
            UrlGuard.Refused refused = refusal(() -> guard.check(UrlGuard.parse("http://" + literal + ":8080/a.csv")));
            assertThat(refused.kind()).as(literal).isEqualTo(UrlGuard.Kind.NOT_ALLOWED);
        }
        UrlGuard.Target target = guard.check(UrlGuard.parse("https://public.test/a.csv"));
        assertThat(target.host()).isEqualTo("public.test");
        assertThat(target.addresses()).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:4700:4700:0:0:0:0:1111");
        assertThat(refusal(() -> guard.check(UrlGuard.parse("http://nowhere.test/"))).kind())
                .isEqualTo(UrlGuard.Kind.UNRESOLVABLE);
    }

    @Test
    void allowedHostsMatchAsWrittenAndAllowedNetworksMatchTheAddresses() {
        UrlGuard guard = new UrlGuard(List.of("127.0.0.1", "Minio.Internal"), List.of("10.20.0.0/16", "fd12::/16"),
                names(Map.of("minio.internal", List.of("10.99.0.5"), "localhost", List.of("127.0.0.1"),
                        "store.internal", List.of("10.20.3.4"), "other.internal", List.of("10.21.0.1"))));

        assertThat(guard.check(UrlGuard.parse("http://127.0.0.1:9000/a.csv")).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(guard.check(UrlGuard.parse("http://minio.internal/a.csv")).addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("10.99.0.5");
        assertThat(guard.check(UrlGuard.parse("http://store.internal/a.csv")).host()).isEqualTo("store.internal");
        assertThat(guard.check(UrlGuard.parse("http://[fd12::7]/a.csv")).host()).isEqualTo("fd12::7");
        // the same loopback address under another spelling is not the allowed host
        for (String url : List.of("http://localhost:9000/", "http://[::ffff:127.0.0.1]:9000/", "http://[::1]:9000/",
                "http://other.internal/", "http://10.21.0.1/", "http://[fd13::1]/")) {
            assertThat(refusal(() -> guard.check(UrlGuard.parse(url))).kind()).as(url)
                    .isEqualTo(UrlGuard.Kind.NOT_ALLOWED);
        }
    }

    @Test
    void aBadAllowedNetworkFailsAtStartUpWithoutADnsLookup() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.0/x", "example.com/8", "fd00::/129", "")) {
            assertThatThrownBy(() -> new UrlGuard(List.of(), List.of(bad), names(Map.of()))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-networks");
        }
    }
}

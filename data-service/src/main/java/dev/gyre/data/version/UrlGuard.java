package dev.gyre.data.version;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether data-service may fetch a URL given by a caller, so that URL ingest cannot be used to reach
 * this machine or the internal network (SSRF). A URL must be plain absolute http(s) without user info, spaces or
 * ambiguous IPv4 spellings; its host is resolved here, once, and refused when any of its addresses is not a public
 * unicast address, unless the configuration allows that host (as written) or network. The caller then connects
 * to exactly the addresses returned, so a second DNS answer cannot differ from the one checked.
 */
final class UrlGuard {
    private static final int MAX_URL_LENGTH = 4096;
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** The system's resolver by default; a seam so unit tests need no DNS server. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused: a bad URL (400), a host that is not allowed (400), or one that does not resolve. */
    enum Kind { INVALID, NOT_ALLOWED, UNRESOLVABLE }

    static final class Refused extends RuntimeException {
        private final Kind kind;

        Refused(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }
    }

    /** A checked URL and the addresses its host resolved to, every one of them allowed. */
    record Target(URI uri, String host, List<InetAddress> addresses) {
    }

    private final Set<String> allowedHosts;
    private final List<Cidr> allowedNetworks;
    private final Resolver resolver;

    UrlGuard(List<String> allowedHosts, List<String> allowedNetworks, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(UrlGuard::normalHost).collect(Collectors.toUnmodifiableSet());
        this.allowedNetworks = allowedNetworks.stream().map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /**
     * Parses a caller's URL, refusing rather than repairing: no surrounding or inner whitespace (nothing is
     * trimmed), ASCII only, scheme http or https (in any case, normalised to lower case), a host, no user info,
     * a port in 1..65535, and an IPv4 host only in its canonical dotted-decimal form. The fragment is dropped.
     */
    static URI parse(String url) {
        if (url == null || url.isEmpty()) {
            throw new Refused(Kind.INVALID, "source.url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused(Kind.INVALID, "source.url is longer than " + MAX_URL_LENGTH + " characters");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new Refused(Kind.INVALID, (i == 0 || i == url.length() - 1
                        ? "source.url has leading or trailing whitespace" : "source.url contains whitespace or a "
                        + "control character at position " + i) + "; percent-encode it or remove it");
            }
            if (c > 0x7e) {
                throw new Refused(Kind.INVALID, "source.url contains a non-ASCII character at position " + i
                        + "; percent-encode it (or use the punycode form of the host)");
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused(Kind.INVALID, "source.url is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()) {
            throw new Refused(Kind.INVALID, "source.url must be an absolute http(s) URL, got '" + url + "'");
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            throw new Refused(Kind.INVALID, "source.url must not carry user info (user:password@)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused(Kind.INVALID, "source.url must name a host, got '" + url + "'");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || (uri.getPort() < 0 && authority.endsWith(":"))) {
            throw new Refused(Kind.INVALID, "source.url has an invalid port");
        }
        if (!host.startsWith("[")) {
            String[] labels = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
            // inet_aton reads "127.1", "2130706433", "0x7f.1" and "017700000001" as 127.0.0.1, other parsers differ
            if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
                throw new Refused(Kind.INVALID, "source.url host '" + host + "' is not a valid IPv4 address: "
                        + "write it as four decimal numbers 0-255 without leading zeros");
            }
        }
        String normal = scheme + url.substring(scheme.length());
        int hash = normal.indexOf('#');
        return URI.create(hash < 0 ? normal : normal.substring(0, hash));
    }

    /** Resolves the host of a parsed URL and returns it with its addresses, or refuses it. */
    Target check(URI uri) {
        String host = normalHost(uri.getHost());
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused(Kind.UNRESOLVABLE, "host '" + host + "' could not be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused(Kind.UNRESOLVABLE, "host '" + host + "' could not be resolved");
        }
        if (!allowedHosts.contains(host)) {
            for (InetAddress address : addresses) {
                Optional<String> reason = nonPublic(address);
                if (reason.isPresent() && allowedNetworks.stream().noneMatch(n -> n.contains(address))) {
                    boolean literal = uri.getHost().startsWith("[") || CANONICAL_IPV4.matcher(host).matches();
                    throw new Refused(Kind.NOT_ALLOWED, "host '" + host + "' " + (literal ? "is" : "resolves to")
                            + " a non-public address (" + reason.get() + "); data-service fetches only public "
                            + "addresses unless gyre.data.ingest.allowed-hosts or allowed-networks names it");
                }
            }
        }
        return new Target(uri, host, List.of(addresses));
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    static String normalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /**
     * Why {@code address} is not a public unicast address (loopback, private, link-local, ...), or empty when it
     * is one. IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are judged by the embedded address.
     */
    static Optional<String> nonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return nonPublicV4(b);
        }
        if (!(address instanceof Inet6Address) || b.length != 16) {
            return Optional.of("unknown kind of");
        }
        if (isZero(b, 0, 16)) {
            return Optional.of("unspecified");
        }
        if (isZero(b, 0, 15) && b[15] == 1) {
            return Optional.of("loopback");
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return nonPublicV4(Arrays.copyOfRange(b, 12, 16)).map(r -> "IPv4-mapped " + r);
        }
        if (isZero(b, 0, 12)) {
            return Optional.of("IPv4-compatible (deprecated)");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 is for local use
            return isZero(b, 4, 12) ? nonPublicV4(Arrays.copyOfRange(b, 12, 16)).map(r -> "NAT64 " + r)
                    : Optional.of("local-use NAT64");
        }
        if (first == 0x20 && second == 0x02) {
            return nonPublicV4(Arrays.copyOfRange(b, 2, 6)).map(r -> "6to4 " + r);
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo");
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation");
        }
        if (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) {
            return Optional.of("discard-only");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique-local (private)");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("site-local (private)");
        }
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static Optional<String> nonPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        int d = b[2] & 0xff;
        String reason = null;
        if (a == 0) {
            reason = "unspecified (0.0.0.0/8)";
        } else if (a == 127) {
            reason = "loopback";
        } else if (a == 10 || (a == 172 && (c & 0xf0) == 16) || (a == 192 && c == 168)) {
            reason = "private";
        } else if (a == 100 && (c & 0xc0) == 64) {
            reason = "shared (carrier-grade NAT)";
        } else if (a == 169 && c == 254) {
            reason = "link-local";
        } else if (a == 192 && c == 0 && d == 0) {
            reason = "IETF protocol assignment";
        } else if ((a == 192 && c == 0 && d == 2) || (a == 198 && c == 51 && d == 100)
                || (a == 203 && c == 0 && d == 113)) {
            reason = "documentation";
        } else if (a == 198 && (c & 0xfe) == 18) {
            reason = "benchmarking";
        } else if (a >= 224 && a <= 239) {
            reason = "multicast";
        } else if (a == 255 && c == 255 && d == 255 && (b[3] & 0xff) == 255) {
            reason = "broadcast";
        } else if (a >= 240) {
            reason = "reserved";
        }
        return Optional.ofNullable(reason);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String s = text.strip();
            int slash = s.indexOf('/');
            String address = slash < 0 ? s : s.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.\\[\\]]+")) { // a literal only: never a DNS lookup at start-up
                throw new IllegalArgumentException("gyre.data.ingest.allowed-networks: '" + text
                        + "' is not an IP address or CIDR block");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(normalHost(address)).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("gyre.data.ingest.allowed-networks: '" + text
                        + "' is not an IP address or CIDR block", e);
            }
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("gyre.data.ingest.allowed-networks: '" + text
                        + "' has an invalid prefix length");
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}

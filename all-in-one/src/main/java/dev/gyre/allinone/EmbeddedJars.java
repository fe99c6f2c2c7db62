package dev.gyre.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The service jars inside the launcher jar ({@code services/<name>.jar}, each with a build-time stamp
 * {@code services/<name>.jar.properties} holding its {@code sha256} and {@code size}), extracted to a
 * directory only when they changed: an extracted jar whose size matches and whose recorded digest
 * ({@code <name>.jar.sha256} beside it) equals the stamp is reused without being read.
 */
final class EmbeddedJars {

    /** Opens a resource of the launcher jar, or returns null when there is none. */
    @FunctionalInterface
    interface Source {
        InputStream open(String path) throws IOException;
    }

    /** A jar ready to run, and whether this start had to write it. */
    record Extracted(Path jar, boolean written) {
    }

    record Stamp(String sha256, long size) {
    }

    private final Source source;
    private final Path directory;

    EmbeddedJars(Source source, Path directory) {
        this.source = source;
        this.directory = directory;
    }

    /** The jars of the launcher's own class path ({@code services/...}). */
    static EmbeddedJars fromClassPath(Path directory) {
        ClassLoader loader = EmbeddedJars.class.getClassLoader();
        return new EmbeddedJars(loader::getResourceAsStream, directory);
    }

    Extracted extract(String name) {
        try {
            Stamp stamp = stamp(name);
            Files.createDirectories(directory);
            Path jar = directory.resolve(name + ".jar");
            Path digestFile = directory.resolve(name + ".jar.sha256");
            if (Files.isRegularFile(jar) && Files.size(jar) == stamp.size() && Files.isRegularFile(digestFile)
                    && Files.readString(digestFile, StandardCharsets.US_ASCII).trim().equals(stamp.sha256())) {
                return new Extracted(jar, false);
            }
            Files.deleteIfExists(digestFile);
            Path temporary = Files.createTempFile(directory, name + "-", ".jar.part");
            try {
                String written = copyHashing(name, temporary);
                if (!written.equals(stamp.sha256()) || Files.size(temporary) != stamp.size()) {
                    throw new LaunchException("the embedded " + name + ".jar is damaged (SHA-256 " + written
                            + ", expected " + stamp.sha256() + "): rebuild the launcher");
                }
                Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            Files.writeString(digestFile, stamp.sha256() + "\n", StandardCharsets.US_ASCII);
            return new Extracted(jar, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + name + ".jar to " + directory, e);
        }
    }

    private Stamp stamp(String name) throws IOException {
        try (InputStream in = source.open("services/" + name + ".jar.properties")) {
            if (in == null) {
                throw new LaunchException("the launcher holds no " + name
                        + ".jar: build it with ./mvnw install (the all-in-one module embeds every service)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return new Stamp(properties.getProperty("sha256").trim().toLowerCase(),
                    Long.parseLong(properties.getProperty("size").trim()));
        }
    }

    private String copyHashing(String name, Path target) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = source.open("services/" + name + ".jar");
             OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            if (in == null) {
                throw new LaunchException("the launcher holds a stamp but no jar for " + name);
            }
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

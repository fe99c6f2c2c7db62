package dev.gyre.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The services' flat, deduplicated layout inside the launcher jar (written at build time by
 * {@link ServiceLayout}): {@code services/index} lists every file with its SHA-256 and size;
 * {@code services/<service>.launch} names a service's main class and class path. The files are
 * extracted to a directory only when they changed: a file whose size on disk matches and whose digest,
 * as recorded in {@code .extracted} after the last extraction, equals the index is reused without
 * being read. Unchanged files keep their modification time, which class data sharing archives check.
 */
final class EmbeddedJars {

    static final String RECORD = ".extracted";

    /** Opens a resource of the launcher jar, or returns null when there is none. */
    @FunctionalInterface
    interface Source {
        InputStream open(String path) throws IOException;
    }

    /** How to start a service: its main class and its class path (extracted files). */
    record Launch(String mainClass, List<Path> classPath) {
    }

    record Stamp(String sha256, long size) {
    }

    private final Source source;
    private final Path directory;

    EmbeddedJars(Source source, Path directory) {
        this.source = source;
        this.directory = directory;
    }

    /** The layout on the launcher's own class path ({@code services/...}). */
    static EmbeddedJars fromClassPath(Path directory) {
        ClassLoader loader = EmbeddedJars.class.getClassLoader();
        return new EmbeddedJars(loader::getResourceAsStream, directory);
    }

    Path directory() {
        return directory;
    }

    /**
     * Brings the directory up to date with the index, extracting changed files on {@code pool}, and
     * deletes jars no longer listed (and the one-jar-per-service files of earlier launchers).
     *
     * @return how many files were written
     */
    int extractAll(ExecutorService pool) {
        try {
            Map<String, Stamp> index = read(source.open("services/" + ServiceLayout.INDEX));
            if (index == null) {
                throw new LaunchException("the launcher holds no services: build it with ./mvnw install"
                        + " (the all-in-one module embeds every service)");
            }
            Files.createDirectories(directory);
            Path recordFile = directory.resolve(RECORD);
            Map<String, Stamp> recorded = Files.isRegularFile(recordFile)
                    ? read(Files.newInputStream(recordFile)) : Map.of();
            Map<String, Stamp> changed = new LinkedHashMap<>();
            for (Map.Entry<String, Stamp> entry : index.entrySet()) {
                String path = entry.getKey();
                Stamp stamp = entry.getValue();
                Path target = directory.resolve(path);
                if (!(stamp.equals(recorded.get(path)) && Files.isRegularFile(target) && Files.size(target) == stamp.size())) {
                    changed.put(path, stamp);
                }
            }
            if (!changed.isEmpty() && !recorded.isEmpty()) {
                // first forget what is about to change, so an interrupted extraction is never trusted
                Map<String, Stamp> kept = new LinkedHashMap<>(recorded);
                kept.keySet().removeAll(changed.keySet());
                write(recordFile, kept);
            }
            List<Future<?>> writes = new ArrayList<>();
            changed.forEach((path, stamp) -> writes.add(pool.submit(() -> {
                extract(path, stamp, directory.resolve(path));
                return null;
            })));
            for (Future<?> write : writes) {
                await(write);
            }
            if (!writes.isEmpty() || !recorded.equals(index)) {
                write(recordFile, index);
            }
            prune(index);
            return writes.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the services to " + directory, e);
        }
    }

    /** A service's main class and class path, as absolute paths under the directory. */
    Launch launch(String service) {
        try (InputStream in = source.open("services/" + service + ".launch")) {
            if (in == null) {
                throw new LaunchException("the launcher holds no " + service
                        + ": build it with ./mvnw install (the all-in-one module embeds every service)");
            }
            Properties properties = new Properties();
            properties.load(in);
            List<Path> classPath = Arrays.stream(properties.getProperty("class-path").split(":"))
                    .map(directory::resolve).toList();
            return new Launch(properties.getProperty("main-class").trim(), classPath);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the launch file of " + service, e);
        }
    }

    private void extract(String path, Stamp stamp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + "-", ".part");
        try {
            MessageDigest digest = sha256();
            try (InputStream in = source.open("services/" + path);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                if (in == null) {
                    throw new LaunchException("the launcher's index names services/" + path + ", which it does not hold");
                }
                in.transferTo(out);
            }
            String written = HexFormat.of().formatHex(digest.digest());
            if (!written.equals(stamp.sha256()) || Files.size(temporary) != stamp.size()) {
                throw new LaunchException("the embedded " + path + " is damaged (SHA-256 " + written
                        + ", expected " + stamp.sha256() + "): rebuild the launcher");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes {@code jars/*.jar} not in the index, and {@code <service>.jar} of launchers before this layout. */
    private void prune(Map<String, Stamp> index) throws IOException {
        for (Path dir : List.of(directory, directory.resolve(ServiceLayout.JARS))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jar,jar.sha256}")) {
                for (Path file : files) {
                    String path = directory.relativize(file).toString().replace('\\', '/');
                    if (!index.containsKey(path) && Files.isRegularFile(file)) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** {@code <sha256> <size> <path>} lines; null for a null stream. */
    private static Map<String, Stamp> read(InputStream stream) throws IOException {
        if (stream == null) {
            return null;
        }
        Map<String, Stamp> stamps = new LinkedHashMap<>();
        try (InputStream in = stream) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.trim().split(" ", 3);
                if (fields.length == 3) {
                    stamps.put(fields[2], new Stamp(fields[0].toLowerCase(), Long.parseLong(fields[1])));
                }
            }
        }
        return stamps;
    }

    private static void write(Path file, Map<String, Stamp> stamps) throws IOException {
        StringBuilder text = new StringBuilder();
        stamps.forEach((path, stamp) -> text.append(stamp.sha256()).append(' ').append(stamp.size()).append(' ')
                .append(path).append('\n'));
        Path temporary = Files.createTempFile(file.getParent(), RECORD, ".part");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while extracting the services", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package dev.gyre.allinone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dynamic class-data-sharing archive per service ({@code <dir>/<service>.jsa}), for faster restarts:
 * loading Spring's classes from an archive instead of parsing and verifying them saves about a third
 * of a service's start-up CPU. A service without a valid archive runs with
 * {@code -XX:ArchiveClassesAtExit}, so the JVM writes one when it stops; the launcher keeps it only
 * after a clean stop of a platform that had become ready. Archives are written on the first restart
 * (see {@link #ClassDataArchives(Path, boolean)}) and used from the next start on. An archive belongs to one JDK, one set of
 * JVM options and one class path (paths, sizes, modification times): its key records them, and an
 * archive whose key differs is replaced. Options in {@code GYRE_JAVA_OPTS} that choose class data
 * sharing themselves turn this off.
 */
final class ClassDataArchives {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final Path directory;
    private final boolean create;
    private final Map<String, String> pendingKeys = new ConcurrentHashMap<>();

    /**
     * @param create whether a service without a valid archive writes one at exit: not on a start that
     *               extracted the services (a first start), because {@code -XX:ArchiveClassesAtExit}
     *               costs about 40% more start-up CPU on JDK 17, and the first start is the one to keep short
     */
    ClassDataArchives(Path directory, boolean create) {
        this.directory = directory;
        this.create = create;
    }

    /** The options that use or create the archive of {@code service}. */
    List<String> options(String service, List<String> javaOptions, List<Path> classPath) {
        if (javaOptions.stream().anyMatch(option -> option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit"))) {
            return List.of();
        }
        try {
            String key = key(javaOptions, classPath);
            Path archive = archive(service);
            Path keyFile = directory.resolve(service + ".key");
            if (Files.isRegularFile(archive) && Files.isRegularFile(keyFile)
                    && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
                return concat("-XX:SharedArchiveFile=" + archive);
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(keyFile);
            Files.deleteIfExists(part(service));
            if (!create) {
                return List.of();
            }
            Files.createDirectories(directory);
            pendingKeys.put(service, key);
            return concat("-XX:ArchiveClassesAtExit=" + part(service));
        } catch (IOException e) {
            return List.of(); // no archive: a slower start, nothing worse
        }
    }

    /** Whether {@code service} writes its archive when it stops. */
    boolean creating(String service) {
        return pendingKeys.containsKey(service);
    }

    /** After a clean stop: the archive the JVM wrote becomes the one to use; otherwise it is dropped. */
    void stopped(String service, boolean keep) {
        String key = pendingKeys.remove(service);
        if (key == null) {
            return;
        }
        Path part = part(service);
        try {
            if (keep && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.move(part, archive(service), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(directory.resolve(service + ".key"), key, StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // the next start creates it again
        }
    }

    private Path archive(String service) {
        return directory.resolve(service + ".jsa");
    }

    private Path part(String service) {
        return directory.resolve(service + ".jsa.part");
    }

    static String key(List<String> javaOptions, List<Path> classPath) throws IOException {
        StringBuilder text = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.vm.version")).append('\n')
                .append(String.join(" ", javaOptions)).append('\n');
        for (Path entry : classPath) {
            text.append(entry).append(' ').append(Files.size(entry)).append(' ')
                    .append(Files.getLastModifiedTime(entry).toMillis()).append('\n');
        }
        MessageDigest digest = EmbeddedJars.sha256();
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> concat(String option) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(option), QUIET.stream()).toList();
    }
}

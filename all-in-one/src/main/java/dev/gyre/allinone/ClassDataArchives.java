package dev.gyre.allinone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A dynamic class-data-sharing archive per service ({@code <dir>/<service>.jsa}), for faster restarts:
 * loading Spring's classes from an archive instead of parsing and verifying them saves a large part of
 * a service's start-up CPU. A service without a valid archive runs with {@code -XX:+RecordDynamicDumpInfo},
 * and once the platform is ready the launcher asks its running JVM to write one ({@code jcmd <pid> VM.cds
 * dynamic_dump}), one service at a time, in the background. Nothing is written at exit: writing at exit
 * took 8-10 s per JVM (33 s for four at once on 2 cores) and pushed a stop past its grace period.
 * Archives are recorded from the first restart on (see {@link #ClassDataArchives(Path, boolean, Path)}).
 * An archive belongs to one JDK, one set of JVM options and one class path (paths, sizes, modification
 * times): its key records them, and an archive whose key differs is replaced. Options in
 * {@code GYRE_JAVA_OPTS} that choose class data sharing themselves turn this off.
 */
final class ClassDataArchives implements AutoCloseable {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** What one dump wrote. */
    record Written(Path archive, long bytes, Duration took) {
    }

    private final Path directory;
    private final boolean create;
    private final Path jcmd;
    private final Map<String, String> pendingKeys = new ConcurrentHashMap<>();
    private Process dumping;
    private boolean closed;

    /**
     * @param create whether a service without a valid archive records one: not on a start that extracted
     *               the services (a first start), so that a new platform's first minutes have no dump pauses
     * @param jcmd   the JDK's {@code jcmd}; without it no archive is recorded
     */
    ClassDataArchives(Path directory, boolean create, Path jcmd) {
        this.directory = directory;
        this.create = create;
        this.jcmd = jcmd;
    }

    /** The {@code jcmd} beside the running {@code java}. */
    static Path jcmdOfThisJdk() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /** The options that use or record the archive of {@code service}. */
    List<String> options(String service, List<String> javaOptions, List<Path> classPath) {
        if (javaOptions.stream().anyMatch(option -> option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.contains("RecordDynamicDumpInfo"))) {
            return List.of();
        }
        try {
            String key = key(javaOptions, classPath);
            Path archive = archive(service);
            Path keyFile = keyFile(service);
            if (Files.isRegularFile(archive) && Files.isRegularFile(keyFile)
                    && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
                return concat("-XX:SharedArchiveFile=" + archive);
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(keyFile);
            Files.deleteIfExists(part(service));
            if (!create || !Files.isExecutable(jcmd)) {
                return List.of();
            }
            Files.createDirectories(directory);
            pendingKeys.put(service, key);
            return concat("-XX:+RecordDynamicDumpInfo");
        } catch (IOException e) {
            return List.of(); // no archive: a slower start, nothing worse
        }
    }

    /** Whether {@code service} runs without an archive and records one. */
    boolean pending(String service) {
        return pendingKeys.containsKey(service);
    }

    /**
     * Asks the running JVM {@code pid} of {@code service} to write its archive, and waits (at most
     * {@code timeout}). The JVM pauses while it writes. Empty when nothing was written: not pending,
     * closed, the JVM refused or died, or the timeout passed.
     */
    Optional<Written> dump(String service, long pid, Duration timeout) throws InterruptedException {
        String key = pendingKeys.get(service);
        if (key == null) {
            return Optional.empty();
        }
        Path part = part(service);
        long started = System.nanoTime();
        Process process;
        synchronized (this) {
            if (closed) {
                return Optional.empty();
            }
            try {
                Files.deleteIfExists(part);
                process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump", part.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                return Optional.empty();
            }
            dumping = process;
        }
        try {
            boolean done = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            synchronized (this) {
                dumping = null;
                if (closed || !done || process.exitValue() != 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                        || !Files.isRegularFile(part) || Files.size(part) == 0) {
                    Files.deleteIfExists(part);
                    return Optional.empty();
                }
                Path archive = archive(service);
                Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(keyFile(service), key, StandardCharsets.UTF_8);
                pendingKeys.remove(service);
                return Optional.of(new Written(archive, Files.size(archive), Duration.ofNanos(System.nanoTime() - started)));
            }
        } catch (IOException e) {
            return Optional.empty(); // the next start records it again
        }
    }

    /** The platform stops: no dump starts any more, and one in progress is abandoned. */
    @Override
    public void close() {
        Process running;
        synchronized (this) {
            closed = true;
            running = dumping;
        }
        if (running != null) {
            running.destroyForcibly();
        }
        for (String service : pendingKeys.keySet()) {
            try {
                Files.deleteIfExists(part(service));
            } catch (IOException ignored) {
                // deleted at the next start
            }
        }
    }

    private Path archive(String service) {
        return directory.resolve(service + ".jsa");
    }

    private Path keyFile(String service) {
        return directory.resolve(service + ".key");
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
        return Stream.concat(Stream.of(option), QUIET.stream()).toList();
    }
}

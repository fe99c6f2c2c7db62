package dev.gyre.allinone;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Build step (all-in-one's {@code prepare-package}): turns the six Spring Boot fat jars into a flat,
 * deduplicated layout under {@code services/} of the launcher jar, so that a service starts as
 * {@code java -cp <its jars> <Start-Class>} (no nested-jar class loading) and the libraries the
 * services share are stored, extracted and mapped once:
 * <ul>
 *   <li>{@code services/jars/<library>.jar}: every distinct {@code BOOT-INF/lib} jar, once;</li>
 *   <li>{@code services/<service>/classes.jar}: the service's {@code BOOT-INF/classes} (a jar, not a
 *       directory: class data sharing archives classes from jars only) with the fat jar's manifest;</li>
 *   <li>{@code services/<service>.launch}: {@code main-class} and {@code class-path} (the classes jar,
 *       then the libraries in {@code BOOT-INF/classpath.idx} order, as the fat jar's launcher does);</li>
 *   <li>{@code services/index}: {@code <sha256> <size> <path>} of every file to extract.</li>
 * </ul>
 * A library whose name two services use for different content keeps the first name; the other copy
 * gets its digest in its name.
 */
public final class ServiceLayout {

    static final String INDEX = "index";
    static final String JARS = "jars/";
    private static final String LIB = "BOOT-INF/lib/";
    private static final String CLASSES = "BOOT-INF/classes/";

    private final Path output;
    /** path (relative to {@code services/}) to its digest and size, sorted for a reproducible index */
    private final Map<String, String> index = new TreeMap<>();
    private final Map<String, String> libraryDigests = new LinkedHashMap<>();

    private ServiceLayout(Path output) {
        this.output = output;
    }

    /** {@code ServiceLayout <directory of the fat jars> <services output directory> <service>...} */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ServiceLayout <fat-jar-dir> <output-dir> <service>...");
        }
        build(Path.of(args[0]), Path.of(args[1]), List.of(args).subList(2, args.length));
    }

    static void build(Path fatJars, Path output, List<String> services) throws IOException {
        deleteRecursively(output);
        Files.createDirectories(output.resolve(JARS));
        ServiceLayout layout = new ServiceLayout(output);
        for (String service : services) {
            layout.add(service, fatJars.resolve(service + ".jar"));
        }
        layout.writeIndex();
    }

    private void add(String service, Path fatJar) throws IOException {
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            Manifest manifest = jar.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
            if (mainClass == null) {
                throw new IOException(fatJar + " has no Start-Class: not a Spring Boot fat jar");
            }
            List<String> classPath = new ArrayList<>();
            classPath.add(writeClasses(service, jar, manifest));
            for (String library : libraries(jar)) {
                classPath.add(writeLibrary(jar, library));
            }
            String launch = "main-class=" + mainClass + "\nclass-path=" + String.join(":", classPath) + "\n";
            Files.writeString(output.resolve(service + ".launch"), launch, StandardCharsets.UTF_8);
        }
    }

    /** {@code BOOT-INF/lib} entries: those of {@code classpath.idx} in its order, then any others. */
    static List<String> libraries(JarFile jar) throws IOException {
        List<String> libraries = new ArrayList<>();
        JarEntry idx = jar.getJarEntry("BOOT-INF/classpath.idx");
        if (idx != null) {
            try (InputStream in = jar.getInputStream(idx)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String entry = line.trim();
                    if (entry.startsWith("- ")) {
                        entry = entry.substring(2).trim();
                    }
                    if (entry.startsWith("\"") && entry.endsWith("\"") && entry.length() > 1) {
                        entry = entry.substring(1, entry.length() - 1);
                    }
                    if (!entry.isEmpty()) {
                        if (jar.getJarEntry(entry) == null) {
                            throw new IOException(jar.getName() + ": classpath.idx names " + entry + ", which it does not hold");
                        }
                        libraries.add(entry);
                    }
                }
            }
        }
        jar.stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0)
                .filter(name -> !name.startsWith(LIB + "spring-boot-jarmode-"))
                .filter(name -> !libraries.contains(name))
                .forEach(libraries::add);
        return libraries;
    }

    private String writeLibrary(JarFile jar, String entryName) throws IOException {
        byte[] bytes;
        try (InputStream in = jar.getInputStream(jar.getJarEntry(entryName))) {
            bytes = in.readAllBytes();
        }
        String digest = hex(EmbeddedJars.sha256().digest(bytes));
        String fileName = entryName.substring(LIB.length());
        String path = JARS + fileName;
        String known = libraryDigests.get(path);
        if (known != null && !known.equals(digest)) {
            path = JARS + fileName.substring(0, fileName.length() - ".jar".length()) + "-" + digest.substring(0, 12) + ".jar";
            known = libraryDigests.get(path);
        }
        if (known == null) {
            Files.write(output.resolve(path), bytes);
            libraryDigests.put(path, digest);
            index.put(path, digest + " " + bytes.length);
        }
        return path;
    }

    /** {@code BOOT-INF/classes/**} as {@code <service>/classes.jar}, entry times kept (a reproducible jar). */
    private String writeClasses(String service, JarFile jar, Manifest fatManifest) throws IOException {
        Manifest manifest = new Manifest(fatManifest);
        Attributes main = manifest.getMainAttributes();
        main.remove(Attributes.Name.MAIN_CLASS);
        main.remove(Attributes.Name.CLASS_PATH);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
            JarEntry fatManifestEntry = jar.getJarEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTime(fatManifestEntry == null ? 315_532_800_000L : fatManifestEntry.getTime());
            out.putNextEntry(manifestEntry);
            manifest.write(out);
            out.closeEntry();
            List<JarEntry> entries = jar.stream()
                    .filter(entry -> entry.getName().startsWith(CLASSES) && entry.getName().length() > CLASSES.length())
                    .filter(entry -> !entry.getName().equals(CLASSES + JarFile.MANIFEST_NAME))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            for (JarEntry entry : entries) {
                JarEntry copy = new JarEntry(entry.getName().substring(CLASSES.length()));
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        String path = service + "/classes.jar";
        Files.createDirectories(output.resolve(service));
        Files.write(output.resolve(path), bytes.toByteArray());
        index.put(path, hex(EmbeddedJars.sha256().digest(bytes.toByteArray())) + " " + bytes.size());
        return path;
    }

    private void writeIndex() throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(output.resolve(INDEX), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : index.entrySet()) {
                writer.write(entry.getValue() + " " + entry.getKey() + "\n");
            }
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

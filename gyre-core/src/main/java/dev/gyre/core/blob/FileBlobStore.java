package dev.gyre.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} in a local directory: a blob is the file {@code root/ab/abcdef…} (the first two hex digits of
 * its key make the fan-out directory). {@code put} writes to a temporary file under {@code root/tmp} while
 * digesting, forces it to disk and renames it to its final name in one atomic step, so a reader or a crash never
 * sees part of a blob under its key; racing puts of the same content rename the same bytes over each other.
 */
public final class FileBlobStore implements BlobStore {
    private static final int BUFFER = 64 * 1024;
    private static final String TMP = "tmp";

    private final Path root;
    private final Path tmp;

    /** A store in {@code root}, which is created if it does not exist. */
    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve(TMP);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob store directory " + tmp, e);
        }
    }

    /** The directory the blobs are in. */
    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "put-", ".part");
            DigestingInputStream in = Digests.digesting(content);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            String key = in.sha256Hex();
            Path target = path(key);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                moveIntoPlace(temp, target);
            }
            return stored(key, target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a blob in " + root + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        Path file = path(sha256);
        try {
            return Optional.of(Digests.verifying(Files.newInputStream(file), sha256));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open blob " + sha256 + " in " + root, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public void delete(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete blob " + sha256 + " in " + root, e);
        }
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) {
        try (DirectoryStream<Path> fanOut = Files.newDirectoryStream(root,
                dir -> Files.isDirectory(dir) && isFanOut(dir.getFileName().toString()))) {
            for (Path dir : fanOut) {
                String prefix = dir.getFileName().toString();
                try (DirectoryStream<Path> blobs = Files.newDirectoryStream(dir)) {
                    for (Path file : blobs) {
                        String key = file.getFileName().toString();
                        if (Digests.isSha256Hex(key) && key.startsWith(prefix)) {
                            storedIfPresent(key, file).ifPresent(action);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the blobs in " + root, e);
        }
    }

    /** The file of a key; the key is checked first, so nothing outside the fan-out directories is ever named. */
    private Path path(String sha256) {
        Digests.requireSha256Hex(sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static boolean isFanOut(String name) {
        return name.length() == 2 && name.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            // on POSIX a rename replaces an existing target atomically: a racing put of the same content is harmless
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent() + " cannot rename atomically", e);
        } catch (IOException e) {
            if (!Files.exists(target)) {
                throw e;
            }
            // another put of the same content got there first (file systems that refuse to replace)
        }
        syncDirectory(target.getParent());
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, and then the rename must do. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): nothing more can be done
        }
    }

    private static StoredBlob stored(String key, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new StoredBlob(key, attributes.size(), attributes.lastModifiedTime().toInstant());
    }

    private static Optional<StoredBlob> storedIfPresent(String key, Path file) throws IOException {
        try {
            return Optional.of(stored(key, file));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted while listing
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a left-over temporary file is never read as a blob; nothing to report to the caller
            }
        }
    }
}

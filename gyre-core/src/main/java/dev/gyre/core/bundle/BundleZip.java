package dev.gyre.core.bundle;

import dev.gyre.core.blob.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict reader of the zip structure of a bundle, over its bytes in memory. Before anything is inflated it
 * checks that the end of central directory record ends the file (no trailing bytes, nothing cut off), that the
 * central directory ends where that record starts, and that the local entries follow one another from byte 0
 * up to the central directory with nothing between them; it refuses zip64, encryption, methods other than
 * stored and deflated, duplicate names, and declared sizes past the {@link BundleLimits}. Each entry is then
 * inflated as a stream that enforces its declared size and checks its CRC-32 at the end, so a zip that lies
 * about its sizes is caught while inflating, never by running out of memory.
 */
final class BundleZip {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;
    private static final int LOC_SIG = 0x04034b50;
    private static final int EXT_SIG = 0x08074b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_ENTRIES = 64;

    /** One entry as the central directory declares it; {@code dataOffset} is where its compressed bytes start. */
    record Entry(String name, int method, long crc, long compressedSize, long size, int dataOffset) {
    }

    private final byte[] zip;
    private final List<Entry> entries;

    private BundleZip(byte[] zip, List<Entry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    List<Entry> entries() {
        return entries;
    }

    /** @throws BundleIntegrityException (or {@link BundleTooLargeException}) naming what is wrong */
    static BundleZip parse(byte[] zip, BundleLimits limits) {
        if (zip.length < EOCD_SIZE) {
            throw new BundleIntegrityException("bundle is not a zip: " + zip.length + " bytes is too short");
        }
        int eocd = endRecord(zip);
        if (u16(zip, eocd + 4) != 0 || u16(zip, eocd + 6) != 0 || u16(zip, eocd + 8) != u16(zip, eocd + 10)) {
            throw new BundleIntegrityException("bundle zip spans several disks");
        }
        int count = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        if (count == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            throw new BundleIntegrityException("bundle zip uses zip64, which a bundle never needs");
        }
        if (count > MAX_ENTRIES) {
            throw new BundleIntegrityException("bundle zip has " + count + " entries, more than " + MAX_ENTRIES);
        }
        if (cdOffset + cdSize != eocd) {
            throw new BundleIntegrityException("bundle zip's central directory (offset " + cdOffset + ", " + cdSize
                    + " bytes) does not end where its end record starts (offset " + eocd + ")");
        }
        List<Entry> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        long total = 0;
        int pos = (int) cdOffset;
        long expectedLocal = 0;
        for (int i = 0; i < count; i++) {
            need(zip, pos, 46, eocd, "central directory entry " + i);
            if (i32(zip, pos) != CEN_SIG) {
                throw new BundleIntegrityException("bundle zip's central directory entry " + i + " is malformed");
            }
            int flags = u16(zip, pos + 8);
            int method = u16(zip, pos + 10);
            long crc = u32(zip, pos + 16);
            long compressed = u32(zip, pos + 20);
            long size = u32(zip, pos + 24);
            int nameLength = u16(zip, pos + 28);
            int extraLength = u16(zip, pos + 30);
            int commentLength = u16(zip, pos + 32);
            long localOffset = u32(zip, pos + 42);
            need(zip, pos + 46, nameLength + extraLength + commentLength, eocd, "central directory entry " + i);
            String name = new String(zip, pos + 46, nameLength, StandardCharsets.UTF_8);
            pos += 46 + nameLength + extraLength + commentLength;

            if (!names.add(name)) {
                throw new BundleIntegrityException("duplicate bundle entry " + name);
            }
            if ((flags & 1) != 0) {
                throw new BundleIntegrityException("bundle entry " + name + " is encrypted");
            }
            if (method != 0 && method != 8) {
                throw new BundleIntegrityException("bundle entry " + name + " uses compression method " + method
                        + "; only stored (0) and deflated (8) are read");
            }
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                throw new BundleIntegrityException("bundle zip uses zip64, which a bundle never needs");
            }
            if (method == 0 && compressed != size) {
                throw new BundleIntegrityException("stored bundle entry " + name + " declares " + compressed
                        + " bytes stored but " + size + " bytes of content");
            }
            total += size;
            if (total > limits.maxUncompressedBytes()) {
                throw new BundleTooLargeException("bundle inflates to more than " + limits.maxUncompressedBytes()
                        + " bytes (entry " + name + " alone declares " + size + ")", limits.maxUncompressedBytes());
            }
            checkRatio(name, size, compressed, limits);

            if (localOffset != expectedLocal) {
                throw new BundleIntegrityException("bundle entry " + name + " starts at offset " + localOffset
                        + ", expected " + expectedLocal + " (bytes between entries, or entries out of place)");
            }
            int local = (int) localOffset;
            need(zip, local, 30, (int) cdOffset, "the local header of " + name);
            if (i32(zip, local) != LOC_SIG || u16(zip, local + 8) != method) {
                throw new BundleIntegrityException("bundle entry " + name + "'s local header is malformed or "
                        + "disagrees with the central directory");
            }
            int localName = u16(zip, local + 26);
            int localExtra = u16(zip, local + 28);
            need(zip, local + 30, localName + localExtra, (int) cdOffset, "the local header of " + name);
            if (!name.equals(new String(zip, local + 30, localName, StandardCharsets.UTF_8))) {
                throw new BundleIntegrityException("bundle entry " + name + "'s local header names another entry");
            }
            int data = local + 30 + localName + localExtra;
            long end = data + compressed;
            if (end > cdOffset) {
                throw new BundleIntegrityException("bundle entry " + name + " runs into the central directory");
            }
            if ((flags & 8) != 0) {
                // data descriptor after the data: crc, sizes, optionally preceded by its signature
                end += end + 4 <= cdOffset && i32(zip, (int) end) == EXT_SIG ? 16 : 12;
            }
            expectedLocal = end;
            entries.add(new Entry(name, method, crc, compressed, size, data));
        }
        if (pos != eocd) {
            throw new BundleIntegrityException("bundle zip's central directory has bytes after its " + count + " entries");
        }
        if (expectedLocal != cdOffset) {
            throw new BundleIntegrityException("bundle zip has " + (cdOffset - expectedLocal)
                    + " unaccounted bytes before its central directory");
        }
        return new BundleZip(zip, List.copyOf(entries));
    }

    private static void checkRatio(String name, long size, long compressed, BundleLimits limits) {
        if (size > limits.ratioFloorBytes() && size > limits.maxCompressionRatio() * Math.max(compressed, 1)) {
            throw new BundleTooLargeException("bundle entry " + name + " inflates " + size + " bytes from " + compressed
                    + ", more than " + limits.maxCompressionRatio() + " times its compressed size",
                    (long) limits.maxCompressionRatio());
        }
    }

    /** The offset of the end of central directory record, which must end the file exactly. */
    private static int endRecord(byte[] zip) {
        int lowest = Math.max(0, zip.length - EOCD_SIZE - 0xFFFF);
        boolean seen = false;
        for (int i = zip.length - EOCD_SIZE; i >= lowest; i--) {
            if (i32(zip, i) == EOCD_SIG) {
                if (i + EOCD_SIZE + u16(zip, i + 20) == zip.length) {
                    return i;
                }
                seen = true;
            }
        }
        throw new BundleIntegrityException(seen
                ? "bundle zip does not end with its end of central directory record: bytes were added after it or cut from it"
                : "bundle is not a complete zip: no end of central directory record (truncated, or not a zip)");
    }

    /**
     * The SHA-256 of the entry's inflated content, read as a stream: refuses more bytes than declared, fewer
     * bytes, a wrong CRC-32 and compressed bytes left over.
     */
    String sha256(Entry entry) {
        try (InputStream in = open(entry)) {
            return Digests.sha256Hex(in);
        } catch (UncheckedIOException e) {
            throw new BundleIntegrityException("unreadable bundle entry " + entry.name() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new BundleIntegrityException("unreadable bundle entry " + entry.name() + ": " + e.getMessage(), e);
        }
    }

    /** The whole inflated entry; call after {@link #sha256} has checked it, so its size is known to be the declared one. */
    byte[] bytes(Entry entry) {
        byte[] out = new byte[Math.toIntExact(entry.size())];
        try (InputStream in = open(entry)) {
            int off = 0;
            for (int n; off < out.length && (n = in.read(out, off, out.length - off)) > 0; ) {
                off += n;
            }
            if (in.read() != -1 || off != out.length) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " changed size while read");
            }
        } catch (IOException e) {
            throw new BundleIntegrityException("unreadable bundle entry " + entry.name() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The inflated content as a stream that checks size and CRC-32 (a {@link BundleIntegrityException} on failure). */
    InputStream open(Entry entry) {
        return new EntryStream(zip, entry);
    }

    private static final class EntryStream extends InputStream {
        private final byte[] zip;
        private final Entry entry;
        private final Inflater inflater;
        private final CRC32 crc = new CRC32();
        private long produced;
        private int storedPos;
        private boolean dummyGiven;
        private boolean done;

        EntryStream(byte[] zip, Entry entry) {
            this.zip = zip;
            this.entry = entry;
            if (entry.method() == 8) {
                inflater = new Inflater(true);
                inflater.setInput(zip, entry.dataOffset(), (int) entry.compressedSize());
            } else {
                inflater = null;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = inflater == null ? readStored(b, off, len) : inflate(b, off, len);
            if (n < 0) {
                finish();
                return -1;
            }
            produced += n;
            if (produced > entry.size()) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " inflates past its declared "
                        + entry.size() + " bytes");
            }
            crc.update(b, off, n);
            return n;
        }

        private int readStored(byte[] b, int off, int len) {
            int left = (int) entry.compressedSize() - storedPos;
            if (left <= 0) {
                return -1;
            }
            int n = Math.min(left, len);
            System.arraycopy(zip, entry.dataOffset() + storedPos, b, off, n);
            storedPos += n;
            return n;
        }

        private int inflate(byte[] b, int off, int len) {
            try {
                while (true) {
                    if (inflater.finished()) {
                        return -1;
                    }
                    // never ask for more than can still be legal, plus one byte to notice an overrun
                    int n = inflater.inflate(b, off, (int) Math.min(len, entry.size() - produced + 1));
                    if (n > 0) {
                        return n;
                    }
                    if (inflater.needsDictionary()) {
                        throw new BundleIntegrityException("bundle entry " + entry.name() + " needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        if (dummyGiven) {
                            throw new BundleIntegrityException("bundle entry " + entry.name()
                                    + " ends before its compressed data is complete");
                        }
                        // raw inflate may want one byte past the data to finish (see Inflater's nowrap)
                        inflater.setInput(new byte[1]);
                        dummyGiven = true;
                    }
                }
            } catch (DataFormatException e) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " is corrupt: " + e.getMessage(), e);
            }
        }

        private void finish() {
            done = true;
            if (inflater != null && inflater.getRemaining() > (dummyGiven ? 1 : 0)) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " has bytes after its compressed data");
            }
            if (produced != entry.size()) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " inflates to " + produced
                        + " bytes, its header declares " + entry.size());
            }
            if (crc.getValue() != entry.crc()) {
                throw new BundleIntegrityException("bundle entry " + entry.name() + " fails its CRC-32 check");
            }
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static void need(byte[] zip, int from, int length, int limit, String what) {
        if (from < 0 || (long) from + length > limit || (long) from + length > zip.length) {
            throw new BundleIntegrityException("bundle zip is cut off inside " + what);
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int i32(byte[] b, int i) {
        if (i < 0 || i + 4 > b.length) {
            return 0;
        }
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int i) {
        return i32(b, i) & 0xFFFFFFFFL;
    }
}

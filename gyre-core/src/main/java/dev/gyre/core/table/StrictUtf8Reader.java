package dev.gyre.core.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly (no replacement characters), drops a leading BOM, rejects NUL characters,
 * and counts physical lines so that an encoding error can name the line it occurs on. An
 * {@code InputStreamReader} cannot do this: it reports malformed input without a position.
 */
final class StrictUtf8Reader extends Reader {
    private static final int BUFFER = 16 * 1024;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long line = 1;
    private boolean previousWasCr;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;
    private int scanned;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private boolean fill() throws IOException {
        chars.clear();
        scanned = 0;
        while (chars.position() == 0 && !flushed) {
            if (!endOfInput) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            scan();
            if (result.isError()) {
                throw new CsvFormatException(line, "invalid UTF-8 byte sequence (the file must be UTF-8 encoded)");
            }
            if (endOfInput && !result.isOverflow()) {
                result = decoder.flush(chars);
                scan();
                flushed = !result.isOverflow();
            }
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == '\uFEFF') {
                chars.position(1);
            }
        }
        return chars.hasRemaining();
    }

    /** Counts line ends and rejects NUL in the characters decoded since the last scan. */
    private void scan() {
        int end = chars.position();
        for (int i = scanned; i < end; i++) {
            char c = chars.get(i);
            if (c == '\n') {
                if (!previousWasCr) {
                    line++;
                }
                previousWasCr = false;
            } else if (c == '\r') {
                line++;
                previousWasCr = true;
            } else {
                previousWasCr = false;
                if (c == '\0') {
                    throw new CsvFormatException(line, "binary content (NUL byte): not a text CSV file");
                }
            }
        }
        scanned = end;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

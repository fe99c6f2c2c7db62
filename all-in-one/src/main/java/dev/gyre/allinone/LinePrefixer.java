package dev.gyre.allinone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Prefixes each line of a child's output with its name, padded so that all children's lines start
 * in the same column: {@code [gateway]         Started ...}.
 */
final class LinePrefixer {

    private final int width;

    LinePrefixer(Collection<String> names) {
        this.width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
    }

    /** The prefix for {@code name}, padded to the longest name plus one space. */
    String prefix(String name) {
        StringBuilder prefix = new StringBuilder(width + 1).append('[').append(name).append(']');
        while (prefix.length() < width + 1) {
            prefix.append(' ');
        }
        return prefix.toString();
    }

    String prefixed(String name, String line) {
        return prefix(name) + line;
    }

    /**
     * Copies {@code output} line by line to {@code target}, prefixed, until end of stream. Runs on
     * its own thread; whole lines go out in one {@code println}, so lines of two children never mix.
     */
    void pump(String name, InputStream output, PrintStream target) {
        String prefix = prefix(name);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                target.println(prefix + line);
            }
        } catch (IOException e) {
            // the child is gone; its exit is reported by whoever waits for it
        }
    }

    /** Starts {@link #pump} on a daemon thread. */
    Thread pumpInBackground(String name, InputStream output, PrintStream target) {
        Thread thread = new Thread(() -> pump(name, output, target), name + "-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

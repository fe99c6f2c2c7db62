package dev.gyre.allinone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Kills the platform's processes if the launcher dies without stopping them (kill -9, OOM killer).
 * A shutdown hook cannot run then, and Java cannot ask the kernel to signal a child when its parent
 * dies, so a tiny {@code sh} process does it: the launcher writes each child's pid to the
 * watchdog's stdin and keeps that pipe open. When the launcher dies the kernel closes the pipe, the
 * watchdog reads end-of-file and sends SIGTERM to every pid it was told about, then SIGKILL to those
 * still alive 20 s later. A clean shutdown writes {@code stop} first, and the watchdog exits quietly.
 */
final class Watchdog implements AutoCloseable {

    private static final String SCRIPT = """
            pids=""
            while IFS= read -r line; do
              case "$line" in
                stop) exit 0 ;;
                *[!0-9]*|'') ;;
                *) pids="$pids $line" ;;
              esac
            done
            [ -z "$pids" ] && exit 0
            kill -TERM $pids 2>/dev/null
            i=0
            while [ $i -lt 20 ]; do
              alive=""
              for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
              [ -z "$alive" ] && exit 0
              sleep 1; i=$((i + 1))
            done
            kill -KILL $alive 2>/dev/null
            """;

    private final Process process;
    private final OutputStream pids;

    private Watchdog(Process process) {
        this.process = process;
        this.pids = process.getOutputStream();
    }

    static Watchdog start() {
        try {
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "gyre-watchdog")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new Watchdog(process);
        } catch (IOException e) {
            throw new LaunchException("could not start the watchdog (sh): " + e.getMessage(), e);
        }
    }

    /** Adds a process the watchdog must stop if the launcher dies. */
    synchronized void watch(long pid) {
        write(pid + "\n");
    }

    /** Dismisses the watchdog: everything was stopped in order. */
    @Override
    public synchronized void close() {
        write("stop\n");
        try {
            pids.close();
        } catch (IOException ignored) {
            // the watchdog is already gone
        }
        process.destroy();
    }

    private void write(String line) {
        try {
            pids.write(line.getBytes(StandardCharsets.US_ASCII));
            pids.flush();
        } catch (IOException e) {
            // the watchdog died (e.g. Ctrl-C reached it too); the shutdown hook still stops everything
        }
    }
}

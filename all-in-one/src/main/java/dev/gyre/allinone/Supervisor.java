package dev.gyre.allinone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Restarts a child that exits while the platform runs, with backoff and a limit ({@link RestartPolicy}).
 * Every exit, restart and give-up is logged. Once {@link #close() closed} (the platform is stopping)
 * nothing is restarted any more, including restarts already waiting out their delay.
 */
final class Supervisor implements AutoCloseable {

    /** A child the supervisor can start again. */
    interface Child {
        String name();

        /** The running (or last) process. */
        Process process();

        /** Starts the child again with the same command; returns the new process. */
        Process restart();
    }

    private final RestartPolicy policy;
    private final Clock clock;
    private final Consumer<String> log;
    private final BiConsumer<Child, Process> restarted;
    private final ScheduledExecutorService timer;
    private final Map<String, Deque<Instant>> restarts = new HashMap<>();
    private final Set<String> givenUp = new HashSet<>();
    private boolean closed;

    /**
     * @param restarted told of each new process (after it was started, before its readiness), e.g. to
     *                  hand its pid to the watchdog
     */
    Supervisor(RestartPolicy policy, Clock clock, Consumer<String> log, BiConsumer<Child, Process> restarted) {
        this.policy = policy;
        this.clock = clock;
        this.log = log;
        this.restarted = restarted;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gyre-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Supervises {@code child} from now on (its current process). */
    void watch(Child child) {
        watch(child, child.process());
    }

    private void watch(Child child, Process process) {
        process.onExit().thenAccept(exited -> died(child, describeExit(exited.exitValue())));
    }

    /** The children left down because they died too often. */
    synchronized Set<String> givenUp() {
        return Set.copyOf(givenUp);
    }

    private synchronized void died(Child child, String how) {
        if (closed) {
            return;
        }
        Deque<Instant> recent = restarts.computeIfAbsent(child.name(), name -> new ArrayDeque<>());
        Instant now = clock.instant();
        Optional<Duration> delay = policy.nextDelay(recent, now);
        if (delay.isEmpty()) {
            givenUp.add(child.name());
            String line = "!".repeat(72);
            log.accept(line);
            log.accept(child.name() + " " + how + " after " + recent.size() + " restart(s) in the last "
                    + RestartPolicy.human(policy.window()) + ": NOT restarting it again, it stays down."
                    + " Read its output above, fix the cause, then restart the platform.");
            log.accept(line);
            return;
        }
        recent.addLast(now);
        log.accept(child.name() + " " + how + " unexpectedly; restarting it in " + RestartPolicy.human(delay.get())
                + " (restart " + recent.size() + ", " + policy.describe() + ")");
        timer.schedule(() -> restart(child), delay.get().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void restart(Child child) {
        Process process;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                process = child.restart();
            } catch (RuntimeException e) {
                // could not even spawn it: counts as one more death
                timer.execute(() -> died(child, "could not be started (" + e.getMessage() + ")"));
                return;
            }
        }
        log.accept("restarted " + child.name() + " (pid " + process.pid() + ")");
        restarted.accept(child, process);
        watch(child, process);
    }

    /** From now on nothing is restarted; waits for a restart in progress to finish spawning. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        timer.shutdownNow();
    }

    static String describeExit(int code) {
        // the JDK reports a child killed by signal N as exit code 128 + N
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
            return "was killed by signal " + signal + name;
        }
        return "exited with code " + code;
    }
}

package dev.gyre.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor against real child processes ({@code sleep}), killed with {@code kill -9}. */
class SupervisorTest {

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Process> restarted = new LinkedBlockingQueue<>();
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    /** A real child: {@code sleep 300}, started again on each restart. */
    private final class Sleeper implements Supervisor.Child {
        private volatile Process process = spawn();

        @Override
        public String name() {
            return "sleeper";
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public Process restart() {
            process = spawn();
            return process;
        }

        private Process spawn() {
            try {
                Process p = new ProcessBuilder("sleep", "300").start();
                started.add(p);
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterEach
    void cleanUp() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(Process::destroyForcibly);
    }

    private Supervisor supervisor(RestartPolicy policy) {
        supervisor = new Supervisor(policy, Clock.systemUTC(), log::add, (child, process) -> restarted.add(process));
        return supervisor;
    }

    @Test
    void restartsAChildKilledWithSigkillAfterADelayThatDoubles() throws Exception {
        Supervisor supervisor = supervisor(new RestartPolicy(Duration.ofMillis(300), 5, Duration.ofMinutes(1)));
        Sleeper child = new Sleeper();
        supervisor.watch(child);

        Process first = child.process();
        long killed = killMinus9(first);
        Process second = restarted.poll(10, TimeUnit.SECONDS);
        long firstDelay = System.nanoTime() - killed;

        assertThat(second).as("restarted").isNotNull();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(child.process()).isSameAs(second);
        assertThat(Duration.ofNanos(firstDelay)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        killed = killMinus9(second);
        Process third = restarted.poll(10, TimeUnit.SECONDS);
        long secondDelay = System.nanoTime() - killed;

        assertThat(third).as("restarted again").isNotNull();
        assertThat(third.isAlive()).isTrue();
        assertThat(Duration.ofNanos(secondDelay)).as("backoff doubles").isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(log).anySatisfy(line -> assertThat(line)
                .contains("sleeper was killed by signal 9 (SIGKILL) unexpectedly; restarting it in 300 ms (restart 1"));
        assertThat(log).anySatisfy(line -> assertThat(line).contains("restarting it in 600 ms (restart 2"));
        assertThat(log).anySatisfy(line -> assertThat(line).isEqualTo("restarted sleeper (pid " + third.pid() + ")"));
    }

    @Test
    void leavesAChildDownOnceItDiedTooOftenAndSaysSoLoudly() throws Exception {
        Supervisor supervisor = supervisor(new RestartPolicy(Duration.ofMillis(50), 2, Duration.ofMinutes(1)));
        Sleeper child = new Sleeper();
        supervisor.watch(child);

        killMinus9(child.process());
        assertThat(restarted.poll(10, TimeUnit.SECONDS)).isNotNull();
        killMinus9(child.process());
        assertThat(restarted.poll(10, TimeUnit.SECONDS)).isNotNull();
        Process last = child.process();
        killMinus9(last);

        assertThat(restarted.poll(1500, TimeUnit.MILLISECONDS)).as("a third restart").isNull();
        assertThat(child.process()).isSameAs(last);
        assertThat(started).hasSize(3);
        assertThat(supervisor.givenUp()).containsExactly("sleeper");
        assertThat(log).anySatisfy(line -> assertThat(line)
                .contains("sleeper was killed by signal 9 (SIGKILL) after 2 restart(s) in the last 1 min: NOT restarting it again"));
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("!!!!!!!!"));
    }

    @Test
    void neverRestartsWhileTheDelayRunsIntoAStop() throws Exception {
        Supervisor supervisor = supervisor(new RestartPolicy(Duration.ofMillis(500), 5, Duration.ofMinutes(1)));
        Sleeper child = new Sleeper();
        supervisor.watch(child);

        killMinus9(child.process());
        awaitLogLine("restarting it in 500 ms");
        supervisor.close();

        assertThat(restarted.poll(1500, TimeUnit.MILLISECONDS)).as("restart after close").isNull();
        assertThat(started).hasSize(1);
    }

    @Test
    void neverRestartsAChildThatDiesAfterTheStopBegan() throws Exception {
        Supervisor supervisor = supervisor(new RestartPolicy(Duration.ZERO, 5, Duration.ofMinutes(1)));
        Sleeper child = new Sleeper();
        supervisor.watch(child);

        supervisor.close();
        killMinus9(child.process());
        child.process().waitFor(5, TimeUnit.SECONDS);

        assertThat(restarted.poll(1000, TimeUnit.MILLISECONDS)).isNull();
        assertThat(started).hasSize(1);
        assertThat(log).isEmpty();
    }

    @Test
    void namesExitCodesAndSignals() {
        assertThat(Supervisor.describeExit(1)).isEqualTo("exited with code 1");
        assertThat(Supervisor.describeExit(137)).isEqualTo("was killed by signal 9 (SIGKILL)");
        assertThat(Supervisor.describeExit(143)).isEqualTo("was killed by signal 15 (SIGTERM)");
    }

    /** {@code kill -9 <pid>}, as an operator or the OOM killer would; returns when the child is gone. */
    private static long killMinus9(Process process) throws Exception {
        long at = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("killed").isTrue();
        return at;
    }

    private void awaitLogLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.stream().noneMatch(line -> line.contains(text))) {
            assertThat(System.nanoTime()).as("log line '%s' in %s", text, log).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}

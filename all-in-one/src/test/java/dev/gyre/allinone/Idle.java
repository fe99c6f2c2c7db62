package dev.gyre.allinone;

/** A JVM for tests that must run a real one: loads a few classes, then sleeps for {@code args[0]} ms. */
public final class Idle {
    private Idle() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(java.time.LocalDate.now() + " " + new java.util.concurrent.ConcurrentSkipListMap<String, String>());
        Thread.sleep(Long.parseLong(args[0]));
    }
}

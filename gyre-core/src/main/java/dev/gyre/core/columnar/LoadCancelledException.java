package dev.gyre.core.columnar;

/** The work was stopped because its {@link LoadProgress} said so; nothing it wrote is left in the engine. */
public class LoadCancelledException extends RuntimeException {
    public LoadCancelledException() {
        super("the load was cancelled");
    }
}

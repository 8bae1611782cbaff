package org.duovirt.core.spi;

/** Progress of a long operation (create, clone, delete, migrate), and a way to ask it to stop. */
public interface ProgressListener {
    ProgressListener NONE = (step, fraction) -> { };

    /**
     * @param step     what is being done now, one short phrase
     * @param fraction 0–1, or a negative number when unknown
     */
    void progress(String step, double fraction);

    /** Checked between steps; an operation that sees true undoes what it did and throws. */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }
}

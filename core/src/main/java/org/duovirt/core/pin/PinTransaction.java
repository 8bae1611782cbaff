package org.duovirt.core.pin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.ProgressListener;

/**
 * Applies the steps of a plan in order and, when one fails (or the caller cancels), undoes the steps that
 * were applied, newest first, so the VM keeps its old pins. When an undo fails as well (the host went away)
 * the error says exactly which steps are new and which are old: the user is never left guessing.
 * Both backends apply their plans through this one class.
 */
public final class PinTransaction {
    /** One change to the host and the change that takes it back. */
    public interface Action {
        void run();
    }

    private record Step(String name, Action apply, Action undo) {
    }

    private final String vm;
    private final List<Step> steps = new ArrayList<>();

    public PinTransaction(String vm) {
        this.vm = vm;
    }

    /** @param name a short phrase ("vCPU 1, live"); shown in progress and in errors */
    public PinTransaction step(String name, Action apply, Action undo) {
        steps.add(new Step(name, apply, undo));
        return this;
    }

    public int size() {
        return steps.size();
    }

    /**
     * @throws DuovirtException one sentence: which step failed, why, and whether the old pins are back
     */
    public void run(ProgressListener progress) {
        Deque<Step> done = new ArrayDeque<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            RuntimeException failure;
            try {
                if (progress.isCancelled()) {
                    throw new DuovirtException("Pinning '" + vm + "' was cancelled.", (String) null);
                }
                progress.progress(step.name(), (double) i / steps.size());
                step.apply().run();
                done.push(step);
                continue;
            } catch (RuntimeException e) {
                failure = e;
            }
            throw rolledBack(step, failure, done);
        }
        progress.progress("done", 1.0);
    }

    private DuovirtException rolledBack(Step failed, RuntimeException cause, Deque<Step> done) {
        String why = cause instanceof DuovirtException d ? d.getMessage() : String.valueOf(cause.getMessage());
        List<String> stillNew = new ArrayList<>();
        List<String> undone = new ArrayList<>();
        while (!done.isEmpty()) {
            Step step = done.pop();
            try {
                step.undo().run();
                undone.add(step.name());
            } catch (RuntimeException e) {
                stillNew.add(step.name());
            }
        }
        String head = "Pinning '" + vm + "' failed at " + failed.name() + " (" + strip(why) + ")";
        if (stillNew.isEmpty()) {
            String message = head + (undone.isEmpty() ? "; nothing had changed yet, so it keeps its old pins."
                    : "; the " + undone.size() + " step" + (undone.size() == 1 ? "" : "s") + " already applied were undone, so it keeps its old pins.");
            return cause instanceof HostUnreachableException
                    ? new HostUnreachableException(message, "Check the host, then apply again.", cause)
                    : new DuovirtException(message, "Fix the cause and apply again.", why, cause);
        }
        return new DuovirtException(head + ", and undoing failed too: " + String.join(", ", stillNew)
                + " kept the new pins, everything else has the old ones.", "Read the pinning again and apply the plan once more.", why, cause);
    }

    private static String strip(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}

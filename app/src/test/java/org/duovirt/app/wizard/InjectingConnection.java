package org.duovirt.app.wizard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import org.duovirt.app.job.Job;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;

/**
 * A real connection with a test's injection around create and start: the user's cancel arriving while the
 * volume is made ("cancel-at-disk") or just after the definition ("cancel-after-define"), or a start that
 * fails ("fail-start"). Everything else goes to the real backend untouched.
 */
final class InjectingConnection {
    static final String FAILED_START = "Injected: the start step failed.";
    static volatile String mode = "";
    /** For "hold-create": create waits here (at most a minute) before it starts, so a test can look and cancel. */
    static volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

    private InjectingConnection() {
    }

    static HostConnection wrap(HostConnection real, Supplier<Job> job) {
        return (HostConnection) Proxy.newProxyInstance(HostConnection.class.getClassLoader(), new Class<?>[] {HostConnection.class},
                (proxy, method, args) -> {
                    String now = mode;
                    if (method.getName().equals("create") && now.equals("hold-create")) {
                        hold.await(1, java.util.concurrent.TimeUnit.MINUTES);
                    }
                    if (method.getName().equals("create") && now.startsWith("cancel")) {
                        ProgressListener user = (ProgressListener) args[1];
                        ProgressListener wrapped = new ProgressListener() {
                            @Override
                            public void progress(String step, double fraction) {
                                user.progress(step, fraction);
                                if (now.equals("cancel-at-disk") && step.toLowerCase(java.util.Locale.ROOT).contains("disk")) {
                                    job.get().cancel(); // the user presses Cancel in the jobs panel while the volume is made
                                }
                            }

                            @Override
                            public boolean isCancelled() {
                                return user.isCancelled();
                            }
                        };
                        Object result = call(method, real, new Object[] {args[0], wrapped});
                        if (now.equals("cancel-after-define")) {
                            job.get().cancel();
                        }
                        return result;
                    }
                    if (method.getName().equals("start") && now.equals("fail-start")) {
                        throw new DuovirtException(FAILED_START, (String) null);
                    }
                    return call(method, real, args);
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

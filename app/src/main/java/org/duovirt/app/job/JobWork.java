package org.duovirt.app.job;

/** The body of a job; runs off the UI thread and reports through the job. */
@FunctionalInterface
public interface JobWork<T> {
    T run(Job job) throws Exception;
}

package com.sagemakermlops.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a few tasks at a time, each on a thread of its own, and hands their results back in the order the tasks
 * were given: at most {@code width} tasks are running or waiting to be taken at any moment.
 */
final class SideBySide<T> implements AutoCloseable {
    private record Task<T>(String name, Future<T> result) {
    }

    private final int width;
    private final ExecutorService threads;
    private final Deque<Task<T>> started = new ArrayDeque<>();

    SideBySide(int width) {
        this.width = width;
        this.threads = Executors.newFixedThreadPool(width, runnable -> {
            Thread thread = new Thread(runnable, "plan");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether a task must be taken before another is given. */
    boolean full() {
        return started.size() >= width;
    }

    boolean isEmpty() {
        return started.isEmpty();
    }

    /** Whether a task named {@code name} has been given and not yet taken. */
    boolean has(String name) {
        return started.stream().anyMatch(task -> task.name().equals(name));
    }

    void add(String name, Callable<T> task) {
        if (full()) {
            throw new IllegalStateException("take a result before adding a task");
        }
        started.add(new Task<>(name, threads.submit(task)));
    }

    /** The result of the oldest task not yet taken, once it is done; what it threw, it throws here. */
    T take() {
        Future<T> oldest = Objects.requireNonNull(started.poll(), "no task to take").result();
        try {
            return oldest.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while planning", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

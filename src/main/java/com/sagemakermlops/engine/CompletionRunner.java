package com.sagemakermlops.engine;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.LogException;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK's task runner contract, kept by counting completions: a program run ends when its callback has returned
 * and every task registered until then has completed, or at the first task that fails. The SDK's own runner finds
 * that out by polling: a loop that re-queues itself on the async pool until the last task is done and formats every
 * pending task into a debug message on each pass, which costs most of a plan's CPU time.
 * <p>
 * Failures are reported as the SDK's runner reports them: every exception along the cause chain is kept, and the
 * error logged to the engine is the message of a {@link RunException}, the message or stack trace of a
 * {@link ResourceException}, and otherwise the program's unhandled-exception report.
 */
final class CompletionRunner implements Runner {
    private static final Logger LOG = Logger.getLogger(CompletionRunner.class.getName());

    private final EngineLogger engineLogger;
    /** Tasks not yet completed, plus one for the program callback until it has returned. */
    private final AtomicInteger pending = new AtomicInteger(1);
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final Queue<Exception> swallowedExceptions = new ConcurrentLinkedQueue<>();

    CompletionRunner(EngineLogger engineLogger) {
        this.engineLogger = Objects.requireNonNull(engineLogger);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(task);
        pending.incrementAndGet();
        task.whenComplete((value, failure) -> {
            if (failure != null) {
                drained.completeExceptionally(failure instanceof CompletionException ? failure
                        : new CompletionException(failure));
            }
            release();
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        CompletableFuture<T> value = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("program", value);
        return value
                .thenCompose(result -> {
                    release();
                    return drained.thenApply(ignored -> result);
                })
                .handle((result, failure) -> failure == null
                        ? CompletableFuture.completedFuture(outcome(engineLogger.hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully, result))
                        : handle(failure).thenApply(code -> outcome(code, result)))
                .thenCompose(outcome -> outcome);
    }

    private void release() {
        if (pending.decrementAndGet() == 0) {
            drained.complete(null);
        }
    }

    private <T> Result<T> outcome(int exitCode, T value) {
        return new Outcome<>(exitCode, List.copyOf(swallowedExceptions), Optional.ofNullable(value));
    }

    private CompletableFuture<Integer> handle(Throwable failure) {
        return handle(failure instanceof Exception e ? e : new RunException("unexpected throwable", failure));
    }

    private CompletableFuture<Integer> handle(Exception exception) {
        swallowedExceptions.add(exception);
        if (exception instanceof LogException) {
            LOG.log(Level.SEVERE, "Error occurred trying to send logging message to engine: " + exception.getMessage());
            return ContextAwareCompletableFuture.supplyAsync(() -> {
                System.err.printf("Error occurred trying to send logging message to engine: %s%n", exception);
                exception.printStackTrace();
                return ProcessExitedBeforeLoggingUserActionableMessage;
            });
        }
        if (exception instanceof CompletionException && exception.getCause() instanceof Exception cause) {
            return handle(cause);
        }
        CompletableFuture<Void> logged;
        if (exception instanceof RunException) {
            logged = engineLogger.errorAsync(exception.getMessage());
        } else if (exception instanceof ResourceException resourceException) {
            logged = engineLogger.errorAsync(resourceException.isHideStack() ? resourceException.getMessage()
                    : Exceptions.getStackTrace(resourceException), resourceException.getResource().orElse(null));
        } else {
            ProcessHandle self = ProcessHandle.current();
            logged = engineLogger.errorAsync(String.format(
                    "Running program [PID: %d](%s) failed with an unhandled exception:\n%s",
                    self.pid(), self.info().commandLine().orElse("unknown"), Exceptions.getStackTrace(exception)));
        }
        return logged.thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
    }

    /** The SDK's result type has a protected constructor. */
    private static final class Outcome<T> extends Result<T> {
        Outcome(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }
}

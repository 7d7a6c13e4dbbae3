package com.sagemakermlops.engine;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's engine logger passing on errors only: the mock engine keeps nothing else, and each debug, info or
 * warning message would otherwise be chained onto the previous message as one more asynchronous step and
 * registered as a task. Errors are what a run reports.
 */
final class OfflineEngineLogger implements EngineLogger {
    private static final CompletableFuture<Void> DROPPED = CompletableFuture.completedFuture(null);

    private final EngineLogger delegate;

    OfflineEngineLogger(EngineLogger delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                            @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        return level.intValue() >= Level.SEVERE.intValue()
                ? delegate.errorAsync(message, resource, streamId, ephemeral) : DROPPED;
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                              @Nullable Boolean ephemeral) {
        return DROPPED;
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                             @Nullable Boolean ephemeral) {
        return DROPPED;
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                             @Nullable Boolean ephemeral) {
        return DROPPED;
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, @Nullable Resource resource,
                                              @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        return delegate.errorAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return delegate.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return delegate.hasLoggedErrors();
    }
}

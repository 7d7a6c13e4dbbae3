package com.sagemakermlops.engine;

/**
 * Where the SDK's asynchronous steps run. {@code CompletableFuture} uses the JDK's common pool only when that pool
 * has at least two workers; by default it has one fewer than the processors, so on a two-processor machine (a
 * 2-vCPU deploy build) every asynchronous step would start a thread of its own, about a thousand for one stack.
 */
public final class AsyncPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int WORKERS = 2;

    private AsyncPool() {
    }

    /**
     * Gives the common pool at least two workers unless its parallelism is set explicitly. Takes effect only
     * before anything uses the common pool or a {@code CompletableFuture}: call it first thing in {@code main}.
     */
    public static void useCommonPool() {
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() - 1 < WORKERS) {
            System.setProperty(PARALLELISM, String.valueOf(WORKERS));
        }
    }
}

package com.sagemakermlops.engine;

import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import com.pulumi.core.internal.annotations.ImportMetadata;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.InputArgs;
import com.pulumi.resources.ResourceTransformation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A stack transformation after which each resource input resolves as one value: an input whose value holds further
 * outputs (nested arguments, lists, maps) resolves only once every output inside it has resolved.
 * <p>
 * The SDK serializes each input with a serializer of its own whose dependency set is a plain {@code HashSet}, added
 * to from the callback of every output inside the input; each callback runs on the thread that resolved its output.
 * Two outputs of one input resolving at once on two threads corrupt the set: a dependency is lost, or copying the set
 * in {@code DeploymentImpl.Prepare.prepareResourceAsync} throws {@code ArrayIndexOutOfBoundsException}
 * (pulumi-java 1.36.1: {@code Serializer.dependentResources}, {@code PropertiesSerializer
 * .serializeFilteredPropertiesAsync}). Settled first, the outputs inside an input have all resolved when the input's
 * own callback runs, and the serializer visits them there, on one thread. What is serialized is unchanged: the same
 * values, secrets, unknowns and dependencies.
 */
final class SettledInputs implements ResourceTransformation {
    /** The transformations every stack runs with. */
    static final List<ResourceTransformation> STACK = List.of(new SettledInputs());

    private static final ClassValue<List<ImportMetadata<?, ?, ? extends Output<?>>>> INPUTS = new ClassValue<>() {
        @Override
        protected List<ImportMetadata<?, ?, ? extends Output<?>>> computeValue(Class<?> type) {
            return List.copyOf(ImportMetadata.of(type).values());
        }
    };

    private SettledInputs() {
    }

    @Override
    public Optional<Result> apply(Args resource) {
        settle(resource.args());
        return Optional.empty();
    }

    /** Replaces each output input of {@code args} with its {@link #settled} form. */
    static void settle(InputArgs args) {
        for (var input : INPUTS.get(args.getClass())) {
            settleInPlace(input, args);
        }
    }

    @SuppressWarnings("unchecked")
    private static <F> void settleInPlace(ImportMetadata<F, ?, ?> input, Object args) {
        if (!Output.class.isAssignableFrom(input.getFieldType())) {
            return;
        }
        input.getFieldValue(args).ifPresent(value -> input.setFieldValue(args, (F) settled((Output<?>) value)));
    }

    /** {@code output}, resolving once it and every output inside its value have resolved. */
    static <T> Output<T> settled(Output<T> output) {
        CompletableFuture<OutputData<T>> data = Internal.of(output).getDataAsync();
        return new OutputInternal<>(data.thenCompose(resolved ->
                resolvedWithin(resolved.getValueNullable()).thenApply(ignored -> resolved)));
    }

    private static CompletableFuture<Void> resolvedWithin(Object value) {
        if (value instanceof Output<?> output) {
            return Internal.of(output).getDataAsync().thenCompose(data -> resolvedWithin(data.getValueNullable()));
        }
        if (value instanceof Optional<?> optional) {
            return resolvedWithin(optional.orElse(null));
        }
        if (value instanceof Either<?, ?> either) {
            return resolvedWithin(either.either(left -> (Object) left, right -> (Object) right));
        }
        if (value instanceof Collection<?> items) {
            return allResolved(items.stream());
        }
        if (value instanceof Map<?, ?> map) {
            return allResolved(map.values().stream());
        }
        if (value instanceof InputArgs args) {
            return allResolved(INPUTS.get(args.getClass()).stream().map(input -> input.getFieldOutput(args)
                    .orElse(null)));
        }
        if (value instanceof CustomResource resource) {
            return allResolved(Stream.of(resource.urn(), resource.id()));
        }
        if (value instanceof ComponentResource resource) {
            return resolvedWithin(resource.urn());
        }
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> allResolved(Stream<?> values) {
        return CompletableFuture.allOf(values.map(SettledInputs::resolvedWithin).toArray(CompletableFuture[]::new));
    }
}

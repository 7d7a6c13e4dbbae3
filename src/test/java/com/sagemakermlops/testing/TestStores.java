package com.sagemakermlops.testing;

import com.pulumi.Context;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.components.store.ModelStoreArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.engine.FakeCloud;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** Offline programs with a {@link ModelStore} named {@code store} beside the components under test. */
public final class TestStores {
    public static final AwsScope TOOLING = new AwsScope("aws", TestStacks.REGION, TestStacks.TOOLING_ACCOUNT);

    private TestStores() {
    }

    /** A store of {@code naming}'s product in the tooling account, without target accounts. */
    public static ModelStoreArgs.Builder args(Naming naming) {
        return ModelStoreArgs.builder()
                .naming(naming)
                .scope(TOOLING)
                .tags(Tags.of(naming.productName(), "starter", "dev", "test", Optional.empty(), Optional.empty()))
                .modelArtifactsPrefix("pipelines/test");
    }

    /** A store of an existing key and bucket: only its registry is created. */
    public static ModelStoreArgs existing(Naming naming, String keyArn, String bucketName) {
        return args(naming).keyArn(keyArn).existingBucketName(bucketName).build();
    }

    /** Whether the resource is the store of {@link #run} or one of its children. */
    public static boolean ofStore(RecordedResource resource) {
        return resource.urn().contains(ModelStore.TYPE);
    }

    /** {@code component} and the components below it, at any depth: where its resources may hang. */
    public static List<String> componentAndItsChildComponents(Recording recording, String component) {
        return Stream.concat(Stream.of(component), recording.resources().stream()
                .filter(r -> !r.custom() && r.parent().equals(Optional.of(component)))
                .flatMap(child -> componentAndItsChildComponents(recording, child.urn()).stream())).toList();
    }

    /** Runs {@code program} with the store, then completes the store's key policy, as the tooling stack does. */
    public static Recording run(String stack, FakeCloud cloud, ModelStoreArgs store,
                                BiConsumer<Context, ModelStoreRef> program) {
        return TestStacks.run(stack, cloud, ctx -> {
            var created = new ModelStore("store", store, null);
            program.accept(ctx, created.ref());
            created.completeKeyPolicy();
        });
    }
}

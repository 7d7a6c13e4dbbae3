package com.sagemakermlops.engine;

import com.google.protobuf.Struct;
import com.pulumi.core.internal.Urn;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import com.sagemakermlops.policy.PropertyValues;
import pulumirpc.Resource.RegisterResourceRequest.PropertyDependencies;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's mock monitor, keeping every registration with what the public mocks API leaves out: parent, explicit
 * provider, dependencies (direct and per property) and the resource options that decide how a replacement or a
 * deletion happens; and answering with the secrets the engine keeps ({@link EngineSecrets}). The mocks' answer to
 * a registration is worked out on the wire values where they allow it ({@link MockedState}), as the SDK's mock
 * monitor would answer.
 */
final class RecordingMonitor extends MockMonitor {
    private final Mocks mocks;
    private final List<RecordedResource> recorded = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.WARNING)));
        this.mocks = mocks;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                            RegisterResourceRequest request) {
        Optional<Struct> plainInputs = request.getType().equals(RecordedResource.STACK_TYPE) ? Optional.empty()
                : MockedState.plainInputs(request.getObject());
        CompletableFuture<RegisterResourceResponse> answer = plainInputs.isPresent()
                ? mocked(resource, request, plainInputs.get()) : super.registerResourceAsync(resource, request);
        return answer.thenApply(mocked -> {
            Struct outputs = EngineSecrets.registeredOutputs(request.getObject(),
                    request.getAdditionalSecretOutputsList(), mocked.getObject());
            RegisterResourceResponse response = outputs == mocked.getObject() ? mocked
                    : mocked.toBuilder().setObject(outputs).build();
            recorded.add(new RecordedResource(
                    response.getUrn(),
                    request.getType(),
                    request.getName(),
                    request.getCustom(),
                    nonEmpty(request.getParent()),
                    nonEmpty(request.getProvider()).map(RecordingMonitor::providerUrn),
                    dependencies(request),
                    request.getObject(),
                    response.getObject(),
                    propertyDependencies(request),
                    options(request)));
            return response;
        });
    }

    /** What the SDK's mock monitor answers a registration whose inputs are plain wire values. */
    private CompletableFuture<RegisterResourceResponse> mocked(Resource resource, RegisterResourceRequest request,
                                                               Struct plainInputs) {
        resources.add(resource);
        String urn = urn(Deployment.getInstance().getStackName(), Deployment.getInstance().getProjectName(),
                request.getParent(), request.getType(), request.getName());
        Map<String, Object> inputs = PropertyValues.fromStruct(plainInputs);
        return mocks.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(), inputs,
                        request.getProvider(), request.getImportId()))
                .thenApply(result -> RegisterResourceResponse.newBuilder()
                        .setId(result.id.orElse(request.getImportId()))
                        .setUrn(urn)
                        .setObject(MockedState.answer(plainInputs, inputs, state(result.state)))
                        .build());
    }

    /**
     * The URN the SDK's mock monitor gives a registration ({@code Urn.create}): the parent's qualified type and
     * {@code $} before the type when there is a parent. A type that is not {@code package:module:name} is left to
     * the SDK, which rewrites such a type.
     */
    static String urn(String stack, String project, String parent, String type, String name) {
        String[] type3 = type.split(":", -1);
        if (type3.length != 3 || type3[0].isEmpty() || type3[1].isEmpty() || type3[2].isEmpty() || parent.isBlank()
                && !parent.isEmpty()) {
            return Urn.create(stack, project, Optional.of(parent), type, name);
        }
        String qualified = parent.isEmpty() ? type : qualifiedType(parent) + "$" + type;
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    /** The qualified type of {@code urn:pulumi:stack::project::qualified-type::name}. */
    private static String qualifiedType(String urn) {
        int project = urn.indexOf("::");
        int type = urn.indexOf("::", project + 2) + 2;
        return urn.substring(type, urn.indexOf("::", type));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Object state) {
        if (state instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new UnsupportedOperationException("the mocks answered a registration with a "
                + (state == null ? "null" : state.getClass().getTypeName()) + " instead of a map of properties");
    }

    /** Reads of existing resources (stack references among them) are recorded like registrations. */
    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return super.readResourceAsync(resource, request).thenApply(mocked -> {
            ReadResourceResponse response = request.getType().equals(RecordedResource.STACK_REFERENCE_TYPE)
                    ? mocked.toBuilder().setProperties(EngineSecrets.stackReference(mocked.getProperties())).build()
                    : mocked;
            recorded.add(new RecordedResource(
                    response.getUrn(),
                    request.getType(),
                    request.getName(),
                    true,
                    nonEmpty(request.getParent()),
                    nonEmpty(request.getProvider()).map(RecordingMonitor::providerUrn),
                    request.getDependenciesList().stream().sorted().toList(),
                    request.getProperties(),
                    response.getProperties()));
            return response;
        });
    }

    /** Registrations in a stable order (by URN), whatever order the asynchronous program made them in. */
    List<RecordedResource> recorded() {
        synchronized (recorded) {
            return recorded.stream().sorted(Comparator.comparing(RecordedResource::urn)).toList();
        }
    }

    private static List<String> dependencies(RegisterResourceRequest request) {
        Set<String> all = new LinkedHashSet<>(request.getDependenciesList());
        for (PropertyDependencies perProperty : request.getPropertyDependenciesMap().values()) {
            all.addAll(perProperty.getUrnsList());
        }
        return all.stream().sorted().toList();
    }

    private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
        Map<String, List<String>> byProperty = new TreeMap<>();
        request.getPropertyDependenciesMap().forEach((property, urns) -> {
            if (urns.getUrnsCount() > 0) {
                byProperty.put(property, urns.getUrnsList().stream().distinct().sorted().toList());
            }
        });
        return byProperty;
    }

    /** The options as the engine receives them; {@code deleteBeforeReplace} counts only when the program set it. */
    static ResourceOptions options(RegisterResourceRequest request) {
        Map<String, String> timeouts = new TreeMap<>();
        RegisterResourceRequest.CustomTimeouts given = request.getCustomTimeouts();
        putIfSet(timeouts, "create", given.getCreate());
        putIfSet(timeouts, "update", given.getUpdate());
        putIfSet(timeouts, "delete", given.getDelete());
        Optional<Boolean> deleteBeforeReplace = request.getDeleteBeforeReplaceDefined() || request.getDeleteBeforeReplace()
                ? Optional.of(request.getDeleteBeforeReplace()) : Optional.empty();
        return new ResourceOptions(deleteBeforeReplace, request.getRetainOnDelete(), request.getProtect(),
                request.getReplaceOnChangesList(), request.getIgnoreChangesList(), timeouts);
    }

    private static void putIfSet(Map<String, String> timeouts, String operation, String value) {
        if (value != null && !value.isEmpty()) {
            timeouts.put(operation, value);
        }
    }

    /** A provider reference is {@code urn::id}; the URN is what identifies it. */
    static String providerUrn(String reference) {
        int separator = reference.lastIndexOf("::");
        return separator > 0 ? reference.substring(0, separator) : reference;
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

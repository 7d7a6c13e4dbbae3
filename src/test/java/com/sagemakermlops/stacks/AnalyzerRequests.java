package com.sagemakermlops.stacks;

import com.google.protobuf.Struct;
import com.sagemakermlops.engine.RecordedResource;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;

/** A recorded resource as the engine's step generator sends it to an analyzer. */
final class AnalyzerRequests {
    private AnalyzerRequests() {
    }

    /** What Remediate and Analyze get: the resource's inputs, its parent option and provider. */
    static AnalyzeRequest analyze(RecordedResource r) {
        AnalyzeRequest.Builder request = AnalyzeRequest.newBuilder().setUrn(r.urn()).setType(r.type())
                .setName(r.name()).setProperties(r.inputs())
                .setOptions(AnalyzerResourceOptions.newBuilder().setParent(r.parent().orElse("")));
        r.provider().ifPresent(p -> request.setProvider(AnalyzerProviderResource.newBuilder().setUrn(p)));
        return request.build();
    }

    /** What AnalyzeStack gets for one resource, with the given properties, parent and dependencies. */
    static AnalyzerResource stackResource(RecordedResource r, Struct properties) {
        AnalyzerResource.Builder resource = AnalyzerResource.newBuilder().setUrn(r.urn()).setType(r.type())
                .setName(r.name()).setProperties(properties).setParent(r.parent().orElse(""))
                .addAllDependencies(r.dependencies());
        r.provider().ifPresent(p -> resource.setProvider(AnalyzerProviderResource.newBuilder().setUrn(p)));
        return resource.build();
    }
}

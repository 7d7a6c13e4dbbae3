package com.sagemakermlops.policy.analyzer;

import com.google.protobuf.Empty;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.policy.PolicyResource;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureResponse;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.RemediateResponse;
import pulumirpc.Plugin.PluginInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code pulumirpc.Analyzer} service over {@link PolicyPack}. */
final class AnalyzerService extends AnalyzerGrpc.AnalyzerImplBase {
    private static final Logger LOG = Logger.getLogger(AnalyzerService.class.getName());

    private final PolicyPack pack;
    private final Runnable onCancel;
    private volatile PolicyPackConfig config = PolicyPackConfig.defaults();
    private volatile String stack = "";

    AnalyzerService(PolicyPack pack, Runnable onCancel) {
        this.pack = pack;
        this.onCancel = onCancel;
    }

    @Override
    public void handshake(AnalyzerHandshakeRequest req, StreamObserver<AnalyzerHandshakeResponse> out) {
        LOG.fine(() -> "handshake from engine " + req.getEngineAddress() + " root " + req.getRootDirectory());
        reply(out, AnalyzerHandshakeResponse.getDefaultInstance());
    }

    @Override
    public void getPluginInfo(Empty req, StreamObserver<PluginInfo> out) {
        reply(out, PluginInfo.newBuilder().setVersion(PolicyPack.VERSION).build());
    }

    @Override
    public void getAnalyzerInfo(Empty req, StreamObserver<AnalyzerInfo> out) {
        AnalyzerInfo.Builder b = AnalyzerInfo.newBuilder()
                .setName(PolicyPack.NAME)
                .setDisplayName("SageMaker MLOps platform policies")
                .setVersion(PolicyPack.VERSION)
                .setSupportsConfig(true)
                .setDescription("Encryption, network and least-privilege policies for the SageMaker MLOps "
                        + "platform, mapped to cdk-nag, awsguard and checkov rule ids.")
                .setProvider("aws");
        for (Policy p : pack.policies()) {
            b.addPolicies(Conversions.policyInfo(p, config));
            b.putInitialConfig(p.name(), Conversions.initialConfig(p));
        }
        reply(out, b.build());
    }

    @Override
    public void configure(ConfigureAnalyzerRequest req, StreamObserver<Empty> out) {
        try {
            config = Conversions.config(req.getPolicyConfigMap(), pack);
            LOG.fine(() -> "configured " + req.getPolicyConfigCount() + " policies");
            reply(out, Empty.getDefaultInstance());
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
    }

    @Override
    public void configureStack(AnalyzerStackConfigureRequest req, StreamObserver<AnalyzerStackConfigureResponse> out) {
        stack = req.getOrganization() + "/" + req.getProject() + "/" + req.getStack();
        LOG.fine(() -> "stack " + stack + (req.getDryRun() ? " (preview)" : ""));
        reply(out, AnalyzerStackConfigureResponse.getDefaultInstance());
    }

    @Override
    public void analyze(AnalyzeRequest req, StreamObserver<AnalyzeResponse> out) {
        guarded(out, () -> {
            PolicyResource r = Conversions.resource(req);
            return respond(pack.evaluateResource(r, config));
        });
    }

    @Override
    public void analyzeStack(AnalyzeStackRequest req, StreamObserver<AnalyzeResponse> out) {
        guarded(out, () -> {
            List<PolicyResource> resources = new ArrayList<>();
            for (AnalyzerResource r : req.getResourcesList()) {
                resources.add(Conversions.resource(r));
            }
            return respond(pack.evaluateStack(resources, config));
        });
    }

    /**
     * The engine calls Remediate before Analyze for every resource (pulumi/pulumi pkg/resource/deploy/step_generator.go:
     * remediations first, then analysis of the final inputs). This pack reports findings and never rewrites a resource.
     */
    @Override
    public void remediate(AnalyzeRequest req, StreamObserver<RemediateResponse> out) {
        reply(out, RemediateResponse.getDefaultInstance());
    }

    @Override
    public void cancel(Empty req, StreamObserver<Empty> out) {
        LOG.fine("cancel requested: shutting down");
        reply(out, Empty.getDefaultInstance());
        onCancel.run();
    }

    private AnalyzeResponse respond(List<PolicyFinding> findings) {
        return ResponseBounds.response(findings, pack);
    }

    /**
     * Runs one analysis: a request the pack cannot read (properties nested too deeply...) is INVALID_ARGUMENT with
     * what is wrong; a failure of the pack is INTERNAL, its detail only in the plugin's verbose log.
     */
    private static void guarded(StreamObserver<AnalyzeResponse> out, Supplier<AnalyzeResponse> work) {
        AnalyzeResponse resp;
        try {
            resp = work.get();
        } catch (IllegalArgumentException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.severe("analysis failed (run with -v=9 for the detail)");
            LOG.log(Level.FINE, "analysis failure", e);
            out.onError(Status.INTERNAL.withDescription("policy pack " + PolicyPack.NAME + " failed on this request")
                    .asRuntimeException());
            return;
        }
        reply(out, resp);
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}

package com.sagemakermlops.components.deploy;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.components.store.ModelStoreArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.config.VpcSettings;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deploy configurations and offline runs of {@link DeployPipeline} beside a store of an existing key and bucket. */
final class DeployFixtures {
    static final String ACCOUNT = TestStacks.TOOLING_ACCOUNT;
    static final String REGION = TestStacks.REGION;
    static final Naming NAMING = new Naming(new Product("acme", "dev", "c001", "churn"), REGION);
    static final String GROUP = "churn-models";
    static final String GROUP_ARN = "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":model-package-group/" + GROUP;
    static final String BUCKET = "acme-model-bucket";
    static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    /** The first 20 characters of the deploy pipeline's name, where CodePipeline keeps its artifacts. */
    static final String ARTIFACT_FOLDER = "deploy-9bf3e9b0-acme";
    static final String CMK_ARN = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/1111-2222";
    /** The deploy repository the pipeline seeds. */
    static final String REPO_ARN = "arn:aws:codecommit:" + REGION + ":" + ACCOUNT + ":"
            + NAMING.physical(PhysicalName.CODECOMMIT, "model-deploy");
    static final TargetEnvironment PREPROD = new TargetEnvironment(TargetEnvironment.Stage.PREPROD,
            TestStacks.PREPROD_ACCOUNT, "us-east-1", Optional.empty(), Optional.empty(), Optional.of("ext-preprod"));
    static final TargetEnvironment PROD = new TargetEnvironment(TargetEnvironment.Stage.PROD,
            TestStacks.PROD_ACCOUNT, REGION, Optional.empty(), Optional.empty(), Optional.empty());
    static final VpcSettings VPC = new VpcSettings("vpc-0abc", List.of("subnet-0aaa", "subnet-0bbb"),
            List.of("sg-0ccc"));

    private DeployFixtures() {
    }

    static DeployConfig deploy(Optional<TargetEnvironment> preprod, Optional<TargetEnvironment> prod,
                               boolean manualApproval) {
        return deploy(preprod, prod, manualApproval, true, Optional.empty());
    }

    static DeployConfig deploy(Optional<TargetEnvironment> preprod, Optional<TargetEnvironment> prod,
                               boolean manualApproval, boolean eventBridgeTrigger, Optional<VpcSettings> vpc) {
        return new DeployConfig("churn-deploy", Optional.empty(), Optional.empty(), Optional.of(GROUP),
                Optional.of(BUCKET), Optional.empty(), true, manualApproval, eventBridgeTrigger, true,
                Optional.of("seed-code/model-deploy"), vpc, preprod, prod, List.of(), List.of(), Optional.empty());
    }

    /** Both stages, and the given operator roles. */
    static DeployConfig bothWithOperators(List<String> operatorRoleArns) {
        DeployConfig both = both();
        return new DeployConfig(both.projectName(), both.domainId(), both.domainArn(), both.modelPackageGroupName(),
                both.modelBucketName(), both.pipelineBucketName(), both.enableNetworkIsolation(),
                both.enableManualApproval(), both.enableEventBridgeTrigger(), both.enableDataCapture(),
                both.seedCodePath(), both.devEnvironment(), both.preProdEnvironment(), both.prodEnvironment(),
                both.buildPolicies(), operatorRoleArns, Optional.empty());
    }

    static DeployConfig both() {
        return deploy(Optional.of(PREPROD), Optional.of(PROD), true);
    }

    /** The model store of the tests: an existing key and bucket, the registry {@link #GROUP}. */
    static final ModelStoreArgs STORE = TestStores.args(NAMING).keyArn(CMK_ARN).existingBucketName(BUCKET)
            .registryName(GROUP).build();

    /** What a test deploys, made into arguments in the program, against {@link #STORE}. */
    record Spec(DeployConfig deploy, Tier tier, Optional<Output<String>> boundary) {
        DeployPipelineArgs args(ModelStoreRef store) {
            Tags tags = Tags.of(NAMING.productName(), tier.name().toLowerCase(), "dev", "churn-deploy",
                    Optional.empty(), Optional.empty());
            return new DeployPipelineArgs(deploy, new ProductContext(NAMING, tags, TestStores.TOOLING, tier, boundary),
                    store, new SourceSettings(SourceControl.CODECOMMIT, Optional.empty()), Map.of());
        }
    }

    static Spec args(DeployConfig deploy, Tier tier) {
        return args(deploy, tier, Optional.empty());
    }

    static Spec args(DeployConfig deploy, Tier tier, Optional<Output<String>> boundary) {
        return new Spec(deploy, tier, boundary);
    }

    static Recording run(Spec spec) {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), STORE, (ctx, store) -> {
            var pipeline = new DeployPipeline("deploy", spec.args(store), null);
            ctx.export("pipelineArn", pipeline.pipelineArn());
            ctx.export("backendUrl", pipeline.backendUrl());
            ctx.export("secretsProvider", pipeline.secretsProvider());
            pipeline.secretsKeyArn().ifPresent(arn -> ctx.export("secretsKeyArn", arn));
            pipeline.stateBucketName().ifPresent(bucket -> ctx.export("stateBucketName", bucket));
            pipeline.codeBuildRoleArns().forEach((stage, arn) -> ctx.export(stage.id() + "CodeBuildRoleArn", arn));
            pipeline.eventRuleArn().ifPresent(arn -> ctx.export("eventRuleArn", arn));
        });
        if (!recording.errors().isEmpty()) {
            throw new AssertionError("program failed: " + recording.errors());
        }
        return recording;
    }

    /** A JSON policy document (or pattern) as maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

    /** The statements of a policy document, each with Action and Resource always as lists. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Object document) {
        return ((List<Map<String, Object>>) json(document).get("Statement")).stream()
                .map(s -> {
                    var copy = new java.util.LinkedHashMap<>(s);
                    copy.put("Action", asList(s.get("Action")));
                    copy.put("Resource", asList(s.get("Resource")));
                    return (Map<String, Object>) copy;
                })
                .toList();
    }

    static Map<String, Object> statement(Object document, String sid) {
        return statements(document).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + document));
    }

    @SuppressWarnings("unchecked")
    static List<String> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(value));
    }
}

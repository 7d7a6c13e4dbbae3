package com.sagemakermlops.components.training;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.stacks.ToolingPlan;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tooling configurations and offline runs of a {@link TrainingPipeline}, with readers for the policies it writes. */
final class TrainingFixture {
    static final String PRODUCT = "globalbank-prod-c001-us-west-2-fraud-detection-ml";
    /** The purpose and the product's hash first: its artifact folder (the first 20 characters) is its own. */
    static final String PIPELINE = "training-489155ae-" + PRODUCT;

    static final String COMPREHENSIVE = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: tooling
              sagemaker-mlops:tier: enterprise
              sagemaker-mlops:network:
                mode: standalone
                vpcParameterStorePath: /network/vpc-id
                subnetIds: [subnet-0a1b2c3d4e5f60718]
                routeTableIds: [rtb-0a1b2c3d4e5f60718]
                internetEgress: nat
                allowedIngressCidrs: [10.0.0.0/16]
              sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
              sagemaker-mlops:training:
                projectName: fraud-training
                enableNetworkIsolation: false
                seedCodePath: seed-code/model-build
                devEnvironment:
                  vpcId: vpc-0a1b2c3d4e5f60718
                  subnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0a1b2c3d4e5f60719]
                  securityGroupIds: [sg-0a1b2c3d4e5f60718]
                buildPolicies:
                  - policyDocument:
                      Statement:
                        - Effect: Allow
                          Action: sts:GetServiceBearerToken
                          Resource: '*'
                          Condition:
                            StringEquals:
                              'sts:AWSServiceName': codeartifact.amazonaws.com
                    suppressions:
                      - id: AwsSolutions-IAM5
                        reason: 'sts:GetServiceBearerToken requires Resource:* conditioned on the service name'
                  - policyArn: 'arn:aws:iam::111122223333:policy/CodeArtifactReadOnly'
              sagemaker-mlops:deploy:
                projectName: fraud-deploy
                modelPackageGroupName: fraud-models
                seedCodePath: seed-code/model-deploy
                preProdEnvironment: {accountId: '222233334444', region: us-west-2}
                prodEnvironment: {accountId: '333344445555', region: us-west-2}
            """;

    private TrainingFixture() {
    }

    /** The minimal tooling configuration with {@code extra} top-level lines (e.g. sourceControl, tier). */
    static String minimal(String... extra) {
        List<String> lines = new java.util.ArrayList<>(List.of("""
                sagemaker-mlops:deploy:
                    projectName: fraud-deploy
                    seedCodePath: seed-code/model-deploy"""));
        lines.addAll(List.of(extra));
        return TestStacks.tooling(lines.toArray(String[]::new));
    }

    static Recording run(String yaml) {
        return run(TestStacks.config(yaml), Optional.empty());
    }

    /** The tooling stack's store and training pipeline of {@code config}, nothing else. */
    static Recording run(StackConfig config, Optional<Output<String>> boundary) {
        ToolingPlan plan = ToolingPlan.of(config);
        Recording recording = TestStores.run("dev", TestStacks.cloud(), plan.storeArgs(),
                (ctx, store) -> new TrainingPipeline("training", plan.trainingArgs(store, boundary), null));
        if (!recording.errors().isEmpty()) {
            throw new AssertionError("the program failed: " + recording.errors());
        }
        return recording;
    }

    static Map<String, Object> inputs(Recording recording, String type, String name) {
        return recording.named(type, name).inputValues();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Object policyJson) {
        Map<String, Object> document = new Gson().fromJson(String.valueOf(policyJson), Map.class);
        return (List<Map<String, Object>>) document.get("Statement");
    }

    static Map<String, Object> statement(Object policyJson, String sid) {
        return statements(policyJson).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policyJson));
    }

    /** A value or list value of a statement as a list. */
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }

    static String rolePolicy(Recording recording, String roleLogicalName) {
        return String.valueOf(inputs(recording, "aws:iam/rolePolicy:RolePolicy", roleLogicalName).get("policy"));
    }

    /** The resources of the run but the stack, the components and the store's. */
    static List<RecordedResource> children(Recording recording) {
        return recording.resources().stream()
                .filter(r -> !r.type().equals(RecordedResource.STACK_TYPE) && !r.type().equals(TrainingPipeline.TYPE))
                .filter(r -> !r.urn().contains(ModelStore.TYPE))
                .filter(r -> !r.isProvider())
                .toList();
    }
}

package com.sagemakermlops.stacks;

import com.sagemakermlops.config.InvalidConfigException;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tooling stack's decisions, without an engine. */
class ToolingPlanTest {
    private static final String PRODUCT = "globalbank-prod-c001-us-west-2-fraud-detection-ml";

    private static ToolingPlan plan(String... extra) {
        return ToolingPlan.of(TestStacks.config(TestStacks.tooling(extra)));
    }

    private static final String DEPLOY_TWO_STAGES = """
            sagemaker-mlops:deploy:
                projectName: fraud-deploy
                seedCodePath: seed-code/model-deploy
                modelPackageGroupName: fraud-models
                preProdEnvironment: {accountId: '222233334444', region: us-west-2, bootstrapRoleArn: 'arn:aws:iam::222233334444:role/OrgBootstrap'}
                prodEnvironment: {accountId: '333344445555', region: us-west-2}""";

    private static final String DEPLOY_NO_STAGE = """
            sagemaker-mlops:deploy:
                projectName: fraud-deploy
                seedCodePath: seed-code/model-deploy""";

    @Test
    void withoutStagesThePlanDeploysToOnePreprodStageInThisAccount() {
        ToolingPlan plan = plan(DEPLOY_NO_STAGE);

        assertThat(plan.singleAccount()).isTrue();
        assertThat(plan.deploy().environments()).singleElement().satisfies(stage -> {
            assertThat(stage.stage()).isEqualTo(Stage.PREPROD);
            assertThat(stage.accountId()).isEqualTo(TestStacks.TOOLING_ACCOUNT);
            assertThat(plan.bootstraps(stage)).isTrue();
        });
        assertThat(plan.targetAccounts()).isEqualTo(Map.of(Stage.PREPROD, TestStacks.TOOLING_ACCOUNT));
    }

    @Test
    void stagesOfOtherAccountsAreBootstrappedOnlyThroughTheirBootstrapRole() {
        ToolingPlan plan = plan(DEPLOY_TWO_STAGES);

        assertThat(plan.singleAccount()).isFalse();
        TargetEnvironment preprod = plan.deploy().preProdEnvironment().orElseThrow();
        TargetEnvironment prod = plan.deploy().prodEnvironment().orElseThrow();
        assertThat(plan.bootstraps(preprod)).isTrue();
        assertThat(plan.bootstraps(prod)).isFalse();
        assertThat(plan.targetAccounts()).containsExactly(Map.entry(Stage.PREPROD, "222233334444"),
                Map.entry(Stage.PROD, "333344445555"));
    }

    @Test
    void theTierDecidesTheExtras() {
        assertThat(plan(DEPLOY_NO_STAGE)).satisfies(starter -> {
            assertThat(starter.professional()).isFalse();
            assertThat(starter.enterprise()).isFalse();
        });
        assertThat(plan(DEPLOY_NO_STAGE, "sagemaker-mlops:tier: professional")).satisfies(professional -> {
            assertThat(professional.professional()).isTrue();
            assertThat(professional.enterprise()).isFalse();
        });
        assertThat(plan(DEPLOY_NO_STAGE, "sagemaker-mlops:tier: enterprise", """
                sagemaker-mlops:network:
                    mode: standalone
                    vpcParameterStorePath: /network/vpc-id
                    subnetIds: [subnet-0a1b2c3d4e5f60718]
                    routeTableIds: [rtb-0a1b2c3d4e5f60718]
                    internetEgress: nat""").enterprise()).isTrue();
    }

    @Test
    void theDeploySideIsTaggedWithTheDeployProjectAndTheRestWithTheTrainingProject() {
        ToolingPlan plan = plan(DEPLOY_NO_STAGE);

        assertThat(plan.product(Optional.empty()).tags().asMap()).containsEntry("product", PRODUCT)
                .containsEntry("stage", "tooling").containsEntry("tier", "starter")
                .containsEntry("sagemaker:project-name", "fraud-training");
        assertThat(plan.deployProduct(Optional.empty()).tags().asMap())
                .containsEntry("sagemaker:project-name", "fraud-deploy");
        assertThat(plan.scope().accountId()).isEqualTo(TestStacks.TOOLING_ACCOUNT);
    }

    @Test
    void theStoreSharesWithTheTargetsAndNamesItsRegistryAsConfigured() {
        var store = plan(DEPLOY_TWO_STAGES).storeArgs();

        assertThat(store.registryName()).isEqualTo("fraud-models");
        assertThat(store.bucketName()).startsWith(PRODUCT.substring(0, 20));
        assertThat(store.targetAccounts()).containsOnlyKeys(Stage.PREPROD, Stage.PROD);
        assertThat(store.modelArtifactsPrefix()).isEqualTo("pipelines/" + PRODUCT + "-model-build");
        assertThat(store.dataCapture()).isTrue();
        assertThat(store.eventBridgeNotifications()).isFalse();
        assertThat(store.retainOnDelete()).isTrue();
        assertThat(store.keyArn()).isEmpty();
        assertThat(plan(DEPLOY_TWO_STAGES, "sagemaker-mlops:sourceControl: s3").storeArgs()
                .eventBridgeNotifications()).isTrue();
    }

    /**
     * The Enterprise boundary names the product in most of its statements; a product whose names make it longer than
     * IAM's managed-policy limit is refused as configuration, before any resource (the shipped dev stack fits).
     */
    @Test
    void anEnterpriseProductWhoseBoundaryWouldNotFitIsRefusedBeforeAnyResource() throws IOException {
        String dev = Files.readString(Path.of("Pulumi.dev.yaml"));
        assertThat(ToolingPlan.of(TestStacks.config(dev)).enterprise()).isTrue();

        String longer = dev.replace("name: fraud-detection\n", "name: fraud-detection-realtime-scoring\n");
        assertThatThrownBy(() -> ToolingPlan.of(TestStacks.config(longer)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo("product");
                            assertThat(problem.message()).containsPattern(
                                    "permissions boundary of this product would be \\d+ characters longer than the "
                                            + "6144 IAM accepts");
                        }));
    }
}

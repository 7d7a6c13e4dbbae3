package com.sagemakermlops.components.hosting;

import com.sagemakermlops.components.hosting.HostingNames.ConfigInputs;
import com.sagemakermlops.components.hosting.HostingNames.ModelInputs;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.naming.PhysicalName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HostingNamesTest {
    private static final ModelInputs MODEL = new ModelInputs(ToolingFixture.PACKAGE_V3,
            "arn:aws:iam::222233334444:role/execution", true, Optional.of("subnet-1|sg-1"), Optional.empty());
    private static final ConfigInputs CONFIG = new ConfigInputs("ml.m5.large", 2, ToolingFixture.KMS_KEY_ARN,
            Optional.of("s3://bucket/data-capture/prod/"));

    private static HostingNames names(ModelInputs model, ConfigInputs config) {
        return HostingNames.of(ToolingFixture.PRODUCT, Stage.PROD.id(), model, config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-dev-c1-us-east-1-churn-ml", ToolingFixture.PRODUCT,
            "organisation-with-a-long-name-production-client-0001-ap-southeast-2-credit-risk-scoring-ml"})
    void everySageMakerNameFitsAndStartsWithTheProductPrefix(String product) {
        String prefix = HostingNames.resourcePrefix(product);
        for (Stage stage : Stage.values()) {
            HostingNames names = HostingNames.of(product, stage.id(), MODEL, CONFIG);
            for (String name : List.of(names.model(), names.endpointConfig(), names.endpoint())) {
                assertThat(name.length()).as(name).isLessThanOrEqualTo(PhysicalName.SAGEMAKER.maxLength());
                assertThat(name).matches("[a-zA-Z0-9-]+");
                assertThat(name.toLowerCase(Locale.ROOT)).startsWith(prefix);
            }
            assertThat(List.of(names.errorsAlarm(), names.latencyAlarm()))
                    .allSatisfy(alarm -> assertThat(alarm).startsWith(HostingNames.alarmPrefix(product)));
        }
        assertThat(prefix.length()).isLessThanOrEqualTo(PhysicalName.SAGEMAKER.maxLength() - 9);
    }

    @Test
    void everyInputThatForcesTheModelsReplacementAndARollbackGiveItAndItsConfigurationNewNames() {
        HostingNames base = names(MODEL, CONFIG);
        for (ModelInputs changed : List.of(
                new ModelInputs(ToolingFixture.PACKAGE_V4, MODEL.executionRoleArn(), true, MODEL.vpc(),
                        Optional.empty()),
                new ModelInputs(MODEL.modelPackageArn(), "arn:aws:iam::222233334444:role/other", true, MODEL.vpc(),
                        Optional.empty()),
                new ModelInputs(MODEL.modelPackageArn(), MODEL.executionRoleArn(), false, MODEL.vpc(),
                        Optional.empty()),
                new ModelInputs(MODEL.modelPackageArn(), MODEL.executionRoleArn(), true, Optional.empty(),
                        Optional.empty()),
                new ModelInputs(MODEL.modelPackageArn(), MODEL.executionRoleArn(), true, Optional.of("subnet-2|sg-1"),
                        Optional.empty()),
                // back on the inputs of the version a rolled-back deploy left serving, which SageMaker still holds
                new ModelInputs(MODEL.modelPackageArn(), MODEL.executionRoleArn(), true, MODEL.vpc(),
                        Optional.of("served-config")))) {
            HostingNames names = names(changed, CONFIG);
            assertThat(names.model()).as(changed.toString()).isNotEqualTo(base.model());
            assertThat(names.endpointConfig()).as(changed.toString()).isNotEqualTo(base.endpointConfig());
            assertThat(names.endpoint()).isEqualTo(base.endpoint());
        }
    }

    @Test
    void everyInputThatForcesTheConfigurationsReplacementGivesItANewNameAndLeavesTheModel() {
        HostingNames base = names(MODEL, CONFIG);
        for (ConfigInputs changed : List.of(
                new ConfigInputs("ml.m5.xlarge", 2, CONFIG.kmsKeyArn(), CONFIG.capture()),
                new ConfigInputs("ml.m5.large", 3, CONFIG.kmsKeyArn(), CONFIG.capture()),
                new ConfigInputs("ml.m5.large", 2, "arn:aws:kms:us-west-2:111122223333:key/other", CONFIG.capture()),
                new ConfigInputs("ml.m5.large", 2, CONFIG.kmsKeyArn(), Optional.empty()))) {
            HostingNames names = names(MODEL, changed);
            assertThat(names.endpointConfig()).as(changed.toString()).isNotEqualTo(base.endpointConfig());
            assertThat(names.model()).isEqualTo(base.model());
        }
        assertThat(names(MODEL, CONFIG)).isEqualTo(base);
    }

    @Test
    void theEndpointAndItsRollbackAlarmsKeepTheirNamesPerStage() {
        HostingNames prod = names(MODEL, CONFIG);
        HostingNames otherVersion = names(new ModelInputs(ToolingFixture.PACKAGE_V4, MODEL.executionRoleArn(), true,
                MODEL.vpc(), Optional.empty()), new ConfigInputs("ml.c5.xlarge", 4, CONFIG.kmsKeyArn(), Optional.empty()));
        HostingNames preprod = HostingNames.of(ToolingFixture.PRODUCT, Stage.PREPROD.id(), MODEL, CONFIG);
        assertThat(List.of(otherVersion.endpoint(), otherVersion.errorsAlarm(), otherVersion.latencyAlarm()))
                .containsExactly(prod.endpoint(), prod.errorsAlarm(), prod.latencyAlarm());
        assertThat(preprod.endpoint()).isNotEqualTo(prod.endpoint());
        assertThat(preprod.errorsAlarm()).isNotEqualTo(prod.errorsAlarm());
    }

    @Test
    void shortNamesSayWhatTheyAre() {
        HostingNames names = HostingNames.of("acme-dev-c1-us-east-1-churn-ml", Stage.PREPROD.id(), MODEL, CONFIG);
        assertThat(names.model()).matches("acme-dev-c1-us-east-1-churn-ml-preprod-model-[0-9a-f]{8}");
        assertThat(names.endpointConfig()).matches("acme-dev-c1-us-east-1-churn-ml-preprod-config-[0-9a-f]{8}");
        assertThat(names.endpoint()).isEqualTo("acme-dev-c1-us-east-1-churn-ml-preprod-endpoint");
        assertThat(HostingNames.scalableResourceId(names.endpoint()))
                .isEqualTo("endpoint/acme-dev-c1-us-east-1-churn-ml-preprod-endpoint/variant/AllTraffic");
    }
}

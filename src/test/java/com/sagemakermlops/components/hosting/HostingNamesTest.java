package com.sagemakermlops.components.hosting;

import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.naming.PhysicalName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HostingNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme-dev-c1-us-east-1-churn-ml", ToolingFixture.PRODUCT,
            "organisation-with-a-long-name-production-client-0001-ap-southeast-2-credit-risk-scoring-ml"})
    void everySageMakerNameFitsAndStartsWithTheProductPrefix(String product) {
        String prefix = HostingNames.resourcePrefix(product);
        for (Stage stage : Stage.values()) {
            HostingNames names = HostingNames.of(product, stage, ToolingFixture.PACKAGE_V3);
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
    void theModelAndConfigFollowThePackageVersionAndTheEndpointTheStage() {
        HostingNames v3 = HostingNames.of(ToolingFixture.PRODUCT, Stage.PROD, ToolingFixture.PACKAGE_V3);
        HostingNames v4 = HostingNames.of(ToolingFixture.PRODUCT, Stage.PROD, ToolingFixture.PACKAGE_V4);
        HostingNames preprod = HostingNames.of(ToolingFixture.PRODUCT, Stage.PREPROD, ToolingFixture.PACKAGE_V4);
        assertThat(v4.model()).isNotEqualTo(v3.model());
        assertThat(v4.endpointConfig()).isNotEqualTo(v3.endpointConfig());
        assertThat(v4.endpoint()).isEqualTo(v3.endpoint()).isNotEqualTo(preprod.endpoint());
        assertThat(v4).isEqualTo(HostingNames.of(ToolingFixture.PRODUCT, Stage.PROD, ToolingFixture.PACKAGE_V4));
    }

    @Test
    void shortNamesSayWhatTheyAre() {
        HostingNames names = HostingNames.of("acme-dev-c1-us-east-1-churn-ml", Stage.PREPROD, "arn");
        String version = PhysicalName.hash("arn");
        assertThat(names.model()).isEqualTo("acme-dev-c1-us-east-1-churn-ml-preprod-model-" + version);
        assertThat(names.endpointConfig()).isEqualTo("acme-dev-c1-us-east-1-churn-ml-preprod-config-" + version);
        assertThat(names.endpoint()).isEqualTo("acme-dev-c1-us-east-1-churn-ml-preprod-endpoint");
        assertThat(HostingNames.scalableResourceId(names.endpoint()))
                .isEqualTo("endpoint/acme-dev-c1-us-east-1-churn-ml-preprod-endpoint/variant/AllTraffic");
    }
}

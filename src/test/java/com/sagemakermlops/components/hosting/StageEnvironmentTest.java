package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.pulumi.test.internal.PulumiTestInternal;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.config.VpcSettings;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageEnvironmentTest {

    @Test
    void whatTheToolingStackExportsIsWhatTheHostingStackReads() {
        var environment = new TargetEnvironment(Stage.PREPROD, TestStacks.PREPROD_ACCOUNT, TestStacks.REGION,
                Optional.of(new VpcSettings("vpc-0a1b2c3d4e5f60718", ToolingFixture.PREPROD_SUBNETS,
                        ToolingFixture.PREPROD_SECURITY_GROUPS)),
                Optional.of("arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/bootstrap"), Optional.empty());
        StageEnvironment expected = ToolingFixture.preprod();
        Map<String, Object> entry = PulumiTestInternal.extractOutputData(StageEnvironment.exported(environment,
                Output.of(expected.deployRoleArn()), Output.of(expected.executionRoleArn()),
                Output.of(expected.externalId()), true, true)).getValueNullable();
        assertThat(StageEnvironment.fromOutput(Stage.PREPROD, Map.of("preprod", entry))).isEqualTo(expected);
        assertThat(ToolingFixture.outputs().get(ToolingOutputNames.ENVIRONMENTS))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("preprod", entry);
    }

    @Test
    void isolationAndCaptureStayOnUnlessTheToolingStackTurnsThemOff() {
        Map<String, Object> entry = Map.of("accountId", TestStacks.PROD_ACCOUNT, "region", "eu-west-1",
                "deployRoleArn", "arn:aws:iam::333344445555:role/d", "executionRoleArn",
                "arn:aws:iam::333344445555:role/e", "externalId", "x-prod");
        StageEnvironment prod = StageEnvironment.fromOutput(Stage.PROD, Map.of("prod", entry));
        assertThat(prod.enableNetworkIsolation()).isTrue();
        assertThat(prod.enableDataCapture()).isTrue();
        assertThat(prod.inVpc()).isFalse();
        assertThat(prod.subnetIds()).isEqualTo(List.of());
    }

    @Test
    void aMissingStageOrKeySaysWhatToFix() {
        assertThatThrownBy(() -> StageEnvironment.fromOutput(Stage.PREPROD, Map.of("prod", Map.of())))
                .hasMessage("the tooling stack exports no environments.preprod: configure "
                        + "deploy.preProdEnvironment in the tooling stack and update it first");
        assertThatThrownBy(() -> StageEnvironment.fromOutput(Stage.PROD,
                Map.of("prod", Map.of("accountId", TestStacks.PROD_ACCOUNT, "region", "us-east-1"))))
                .hasMessage("the tooling stack's environments.prod.deployRoleArn is missing");
    }
}

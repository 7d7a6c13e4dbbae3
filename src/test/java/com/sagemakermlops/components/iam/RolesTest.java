package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest {
    private static final String BOUNDARY = "arn:aws:iam::111122223333:policy/fraud-boundary";

    @Test
    void roleCarriesItsNameDutyTrustBoundaryAndTags() {
        Tags tags = Tags.of("fraud", "starter", "tooling", "fraud", Optional.empty(), Optional.empty());
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            Roles.create("bounded", new Roles.Spec("fraud-build", "Builds the models",
                    PolicyDocument.trustService("codebuild.amazonaws.com"), Optional.of(Output.of(BOUNDARY)), tags),
                    CustomResourceOptions.Empty);
            Roles.create("unbounded", new Roles.Spec("fraud-deploy", "Deploys the models",
                    PolicyDocument.trustService("codepipeline.amazonaws.com"), Optional.empty(), tags),
                    CustomResourceOptions.Empty);
        });

        Map<String, Object> bounded = recording.named("aws:iam/role:Role", "bounded").inputValues();
        assertThat(bounded).containsEntry("name", "fraud-build").containsEntry("description", "Builds the models")
                .containsEntry("permissionsBoundary", BOUNDARY).containsEntry("tags", tags.asMap());
        assertThat(bounded.get("assumeRolePolicy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"Trustcodebuild\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"codebuild.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        Map<String, Object> unbounded = recording.named("aws:iam/role:Role", "unbounded").inputValues();
        assertThat(unbounded).containsEntry("name", "fraud-deploy").containsEntry("description", "Deploys the models")
                .containsEntry("tags", tags.asMap()).doesNotContainKey("permissionsBoundary");
        assertThat(unbounded.get("assumeRolePolicy")).asString()
                .contains("\"Principal\":{\"Service\":\"codepipeline.amazonaws.com\"}");
    }
}

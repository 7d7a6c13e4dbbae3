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
    private static final String PROJECT = "arn:aws:codebuild:us-west-2:111122223333:project/fraud-build";
    private static final String PIPELINE = "arn:aws:codepipeline:us-west-2:111122223333:fraud-deploy";

    @Test
    void roleCarriesItsNameDutyTrustBoundaryAndTags() {
        Tags tags = Tags.of("fraud", "starter", "tooling", "fraud", Optional.empty(), Optional.empty());
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            Roles.create("bounded", new Roles.Spec("fraud-build", "Builds the models",
                    ServiceTrust.CODEBUILD.trust("111122223333", PROJECT), Optional.of(Output.of(BOUNDARY)), tags),
                    CustomResourceOptions.Empty);
            Roles.create("unbounded", new Roles.Spec("fraud-deploy", "Deploys the models",
                    ServiceTrust.CODEPIPELINE.trust("111122223333", PIPELINE), Optional.empty(), tags),
                    CustomResourceOptions.Empty);
        });

        Map<String, Object> bounded = recording.named("aws:iam/role:Role", "bounded").inputValues();
        assertThat(bounded).containsEntry("name", "fraud-build").containsEntry("description", "Builds the models")
                .containsEntry("permissionsBoundary", BOUNDARY).containsEntry("tags", tags.asMap());
        assertThat(bounded.get("assumeRolePolicy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"TrustCodeBuildProject\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"codebuild.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"},"
                + "\"ArnLike\":{\"aws:SourceArn\":\"" + PROJECT + "\"}}}]}");
        Map<String, Object> unbounded = recording.named("aws:iam/role:Role", "unbounded").inputValues();
        // CodePipeline documents no condition for its role: the role says why the pack's policy is suppressed.
        Map<String, String> suppressed = new java.util.LinkedHashMap<>(tags.asMap());
        suppressed.put("mlops:suppress:iam-service-trust-source-conditioned", "codepipeline.amazonaws.com documents"
                + " no aws:SourceAccount or aws:SourceArn for assuming this role: "
                + "https://docs.aws.amazon.com/codepipeline/latest/userguide/how-to-custom-role.html");
        assertThat(unbounded).containsEntry("name", "fraud-deploy").containsEntry("description", "Deploys the models")
                .containsEntry("tags", suppressed).doesNotContainKey("permissionsBoundary");
        assertThat(unbounded.get("assumeRolePolicy")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Sid\":\"TrustCodePipeline\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"codepipeline.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
    }
}

package com.sagemakermlops.naming;

import com.sagemakermlops.config.Product;
import org.junit.jupiter.api.Test;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamingTest {
    private final Naming naming = new Naming(new Product("globalbank", "prod", "c001", "fraud-detection"), "us-west-2");

    @Test
    void productNameKeyAliasAndParameterPathsFollowTheConvention() {
        assertThat(naming.productName()).isEqualTo("globalbank-prod-c001-us-west-2-fraud-detection-ml");
        assertThat(naming.keyAlias()).isEqualTo("alias/globalbank-prod-c001-fraud-detection-ml-key");
        assertThat(naming.parameterPath("ModelPackageGroupArn"))
                .isEqualTo("/ml/globalbank-prod-c001-us-west-2-fraud-detection-ml/ModelPackageGroupArn");
    }

    @Test
    void tooLongNamesAreShortenedWithAStableHash() {
        String role = naming.physical(PhysicalName.IAM_ROLE, "training-codebuild");
        assertThat(role).hasSize(64).isEqualTo("globalbank-prod-c001-us-west-2-fraud-detection-ml-train-a46d8436");
        assertThat(naming.physical(PhysicalName.IAM_ROLE, "training-codebuild")).isEqualTo(role);
        assertThat(naming.physical(PhysicalName.IAM_ROLE, "deploy")).isEqualTo(
                "globalbank-prod-c001-us-west-2-fraud-detection-ml-deploy");
    }

    @Test
    void eachPipelineOfEachProductHasItsOwnArtifactFolder() {
        Naming sibling = new Naming(new Product("globalbank", "prod", "c001", "fraud-scoring"), "us-west-2");
        List<String> folders = Stream.of(naming.pipeline("training"), naming.pipeline("deploy"),
                        sibling.pipeline("training"), sibling.pipeline("deploy"))
                .map(name -> name.substring(0, Naming.PIPELINE_FOLDER_LENGTH)).toList();
        assertThat(folders).doesNotHaveDuplicates();
        assertThat(naming.pipeline("training")).isEqualTo(
                "training-489155ae-globalbank-prod-c001-us-west-2-fraud-detection-ml");
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + naming.pipelinePattern()))
                .matches(m -> m.matches(Path.of(naming.pipeline("deploy"))))
                .matches(m -> !m.matches(Path.of(sibling.pipeline("deploy"))));
        assertThatThrownBy(() -> naming.pipeline("model-approval"))
                .hasMessageContaining("first 20 characters");
    }
}

package com.sagemakermlops.naming;

import com.sagemakermlops.config.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}

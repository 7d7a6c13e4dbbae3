package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;
import org.junit.jupiter.api.Test;

import static com.sagemakermlops.components.deploy.DeployFixtures.NAMING;
import static com.sagemakermlops.components.deploy.DeployFixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;

class DeployRolesTest {

    @Test
    void documentedNamesAreProductAndStageScoped() {
        String product = NAMING.productName();

        assertThat(DeployRoles.deployRoleName(NAMING, Stage.PREPROD)).isEqualTo(product + "-preprod-deploy");
        assertThat(DeployRoles.deployRoleName(NAMING, Stage.PROD)).isEqualTo(product + "-prod-deploy");
        assertThat(DeployRoles.executionRoleName(NAMING, Stage.PROD)).isEqualTo(product + "-prod-sagemaker-execution");
    }

    @Test
    void longProductNamesStillFitTheIamLimitAndStayDistinctPerStage() {
        Naming naming = new Naming(new Product("globalbank", "production", "c0001", "fraud-detection-scoring"),
                "ap-southeast-2");

        for (Stage stage : Stage.values()) {
            assertThat(DeployRoles.deployRoleName(naming, stage)).hasSizeLessThanOrEqualTo(PhysicalName.IAM_ROLE.maxLength());
            assertThat(DeployRoles.executionRoleName(naming, stage)).hasSizeLessThanOrEqualTo(PhysicalName.IAM_ROLE.maxLength());
        }
        assertThat(DeployRoles.deployRoleName(naming, Stage.PREPROD))
                .isNotEqualTo(DeployRoles.deployRoleName(naming, Stage.PROD));
    }

    @Test
    void arnsAreInTheTargetAccountAndPartition() {
        assertThat(DeployRoles.deployRoleArn("aws-us-gov", NAMING, PROD))
                .isEqualTo("arn:aws-us-gov:iam::333344445555:role/" + DeployRoles.deployRoleName(NAMING, Stage.PROD));
        assertThat(DeployRoles.executionRoleArn("aws", NAMING, PROD))
                .isEqualTo("arn:aws:iam::333344445555:role/" + DeployRoles.executionRoleName(NAMING, Stage.PROD));
    }
}

package com.sagemakermlops.components.training;

import com.sagemakermlops.config.Tier;

import java.util.ArrayList;
import java.util.List;

/** The SSM parameters the training side publishes, per tier (no secrets: identifiers only). */
final class TrainingParameters {
    /** A parameter name under {@code /ml/<product>/} and the output it holds. */
    enum Parameter {
        MODEL_PACKAGE_GROUP_ARN("ModelPackageGroupArn", Tier.STARTER),
        REPOSITORY_URL("RepositoryUrl", Tier.STARTER),
        SAGEMAKER_ROLE_ARN("SageMakerRoleArn", Tier.STARTER),
        BUCKET_NAME("BucketName", Tier.PROFESSIONAL),
        BUILD_PIPELINE_ARN("BuildPipelineArn", Tier.PROFESSIONAL),
        KMS_KEY_ARN("KmsKeyArn", Tier.ENTERPRISE);

        private final String title;
        private final Tier from;

        Parameter(String title, Tier from) {
            this.title = title;
            this.from = from;
        }

        String title() {
            return title;
        }
    }

    private TrainingParameters() {
    }

    static List<Parameter> forTier(Tier tier) {
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            if (tier.atLeast(parameter.from)) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }
}

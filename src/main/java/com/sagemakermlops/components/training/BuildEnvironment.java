package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.TrainingConfig;
import com.sagemakermlops.config.VpcSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment variables the model-build seed code reads (see its {@code buildspec.yml}). */
final class BuildEnvironment {
    private BuildEnvironment() {
    }

    static Map<String, Output<String>> variables(TrainingNames names, TrainingConfig training, String productName,
                                                ModelStoreRef store, Output<String> sagemakerRoleArn) {
        List<String> subnets = training.devEnvironment().map(VpcSettings::subnetIds).orElse(List.of());
        List<String> groups = training.devEnvironment().map(VpcSettings::securityGroupIds).orElse(List.of());
        Map<String, Output<String>> variables = new LinkedHashMap<>();
        variables.put("MODEL_PACKAGE_GROUP_NAME", Output.of(names.modelPackageGroup()));
        variables.put("MODEL_BUCKET", store.bucketName());
        variables.put("SAGEMAKER_ROLE_ARN", sagemakerRoleArn);
        variables.put("KMS_KEY_ARN", store.keyArn());
        variables.put("SAGEMAKER_PIPELINE_NAME", Output.of(names.sagemakerPipeline()));
        variables.put("ENABLE_NETWORK_ISOLATION", Output.of(String.valueOf(training.enableNetworkIsolation())));
        variables.put("ENABLE_INTER_CONTAINER_ENCRYPTION",
                Output.of(String.valueOf(training.enableInterContainerEncryption())));
        variables.put("SUBNET_IDS", Output.of(String.join(",", subnets)));
        variables.put("SECURITY_GROUP_IDS", Output.of(String.join(",", groups)));
        variables.put("PRODUCT_NAME", Output.of(productName));
        return variables;
    }
}

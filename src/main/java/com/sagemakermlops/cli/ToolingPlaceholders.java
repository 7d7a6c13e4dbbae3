package com.sagemakermlops.cli;

import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.components.hosting.ToolingOutputNames;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.engine.FakeCloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clearly marked stand-ins for a tooling stack's outputs when neither a plan nor its stack file is at hand: shaped
 * like the real ones (ARNs, account ids) so the hosting program runs, and named {@code placeholder-...}.
 */
final class ToolingPlaceholders {
    static final String ACCOUNT = "000000000000";

    private ToolingPlaceholders() {
    }

    static Map<String, Object> outputs(StackConfig hosting) {
        String p = hosting.partition();
        String region = hosting.region();
        String marker = FakeCloud.PLACEHOLDER_PREFIX;
        String stage = hosting.requireHosting().stage().id();
        var environment = new StageEnvironment(ACCOUNT, region, Optional.empty(), List.of(), List.of(),
                "arn:" + p + ":iam::" + ACCOUNT + ":role/" + marker + "deploy",
                "arn:" + p + ":iam::" + ACCOUNT + ":role/" + marker + "execution",
                marker + "external-id", true, true);

        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(ToolingOutputNames.PRODUCT_NAME, marker + "product");
        outputs.put(ToolingOutputNames.PARTITION, p);
        outputs.put(ToolingOutputNames.TOOLING_ACCOUNT_ID, ACCOUNT);
        outputs.put(ToolingOutputNames.REGION, region);
        outputs.put(ToolingOutputNames.KMS_KEY_ARN, "arn:" + p + ":kms:" + region + ":" + ACCOUNT + ":key/" + marker + "key");
        outputs.put(ToolingOutputNames.MODEL_BUCKET_NAME, marker + "bucket");
        outputs.put(ToolingOutputNames.MODEL_BUCKET_ARN, "arn:" + p + ":s3:::" + marker + "bucket");
        outputs.put(ToolingOutputNames.MODEL_PACKAGE_GROUP_NAME, marker + "models");
        outputs.put(ToolingOutputNames.MODEL_PACKAGE_GROUP_ARN,
                "arn:" + p + ":sagemaker:" + region + ":" + ACCOUNT + ":model-package-group/" + marker + "models");
        outputs.put(ToolingOutputNames.ENVIRONMENTS, Map.of(stage, environment.outputValue()));
        return outputs;
    }
}

package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.monitoring.MonitoringPermissions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model bucket's statements besides TLS only: model artifacts readable by the target accounts, data capture
 * writable, and with data capture what the stages' monitoring jobs read and write.
 */
final class ModelBucketPolicy {
    private ModelBucketPolicy() {
    }

    /**
     * @param artifactPrefix the folder holding model artifacts ({@code pipelines/<sagemaker pipeline>})
     * @param targets        the account of each target stage
     * @param dataCapture    whether each stage's endpoints write to {@code data-capture/<stage>/}
     */
    static List<Statement> statements(Arns arns, Output<String> bucketArn, String artifactPrefix,
                                      Map<TargetEnvironment.Stage, String> targets, boolean dataCapture) {
        List<Statement> statements = new ArrayList<>();
        if (targets.isEmpty()) {
            return statements;
        }
        statements.add(Statement.allow("ReadModelArtifactsByTargetAccounts", "s3:GetObject", "s3:GetObjectVersion")
                .principals("AWS", arns.roots(targets.values()))
                .on(objects(bucketArn, artifactPrefix + "/")));
        if (dataCapture) {
            targets.forEach((stage, account) -> statements.add(
                    Statement.allow("WriteDataCaptureBy" + stage.title(), "s3:PutObject")
                            .principal("AWS", arns.root(account))
                            .on(objects(bucketArn, DataCapture.prefix(stage)))));
            targets.forEach((stage, account) -> statements.addAll(
                    MonitoringPermissions.bucketStatements(stage, arns.root(account), bucketArn)));
        }
        return statements;
    }

    static Output<String> objects(Output<String> bucketArn, String prefix) {
        return bucketArn.applyValue(arn -> arn + "/" + prefix + "*");
    }
}

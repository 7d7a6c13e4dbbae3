package com.sagemakermlops.components.hosting.monitoring;

import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.config.Checks;

import java.util.Map;
import java.util.Optional;

/**
 * The Model Monitor analyzer image SageMaker publishes per region (Amazon SageMaker Model Monitor prebuilt container,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-pre-built-container.html, and "Docker Registry Paths
 * and Example Code", section "Model Monitor (algorithm)"), without a version tag: the image the seed pipeline's
 * baseline step runs too (seed-code/model-build/pipelines/images.py holds the same table; a test keeps them equal).
 */
public final class AnalyzerImage {
    public static final String REPOSITORY = "sagemaker-model-monitor-analyzer";

    static final Map<String, String> ACCOUNTS = Map.ofEntries(
            Map.entry("af-south-1", "875698925577"),
            Map.entry("ap-east-1", "001633400207"),
            Map.entry("ap-northeast-1", "574779866223"),
            Map.entry("ap-northeast-2", "709848358524"),
            Map.entry("ap-northeast-3", "990339680094"),
            Map.entry("ap-south-1", "126357580389"),
            Map.entry("ap-southeast-1", "245545462676"),
            Map.entry("ap-southeast-2", "563025443158"),
            Map.entry("ap-southeast-3", "669540362728"),
            Map.entry("ca-central-1", "536280801234"),
            Map.entry("eu-central-1", "048819808253"),
            Map.entry("eu-central-2", "590183933784"),
            Map.entry("eu-north-1", "895015795356"),
            Map.entry("eu-south-1", "933208885752"),
            Map.entry("eu-south-2", "437450045455"),
            Map.entry("eu-west-1", "468650794304"),
            Map.entry("eu-west-2", "749857270468"),
            Map.entry("eu-west-3", "680080141114"),
            Map.entry("me-central-1", "588750061953"),
            Map.entry("me-south-1", "607024016150"),
            Map.entry("sa-east-1", "539772159869"),
            Map.entry("us-east-1", "156813124566"),
            Map.entry("us-east-2", "777275614652"),
            Map.entry("us-west-1", "890145073186"),
            Map.entry("us-west-2", "159807026194"));

    private AnalyzerImage() {
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/sagemaker-model-monitor-analyzer}, or empty where AWS lists none. */
    public static Optional<String> uri(String region) {
        return Optional.ofNullable(ACCOUNTS.get(region))
                .map(account -> account + ".dkr.ecr." + region + ".amazonaws.com/" + REPOSITORY);
    }

    /** The analyzer's ECR repository in {@code region}, for the monitoring role's image pulls. */
    public static Optional<String> repositoryArn(String region) {
        return Optional.ofNullable(ACCOUNTS.get(region))
                .map(account -> Arns.of(Checks.partitionOf(region), "ecr", region, account, "repository/" + REPOSITORY));
    }
}

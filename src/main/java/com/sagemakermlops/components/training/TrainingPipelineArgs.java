package com.sagemakermlops.components.training;

import com.sagemakermlops.components.iam.Statement;
import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.config.TrainingConfig;
import com.sagemakermlops.naming.Naming;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of {@link TrainingPipeline}.
 *
 * @param deploy              read for the registry name and the target accounts (the deploy pipeline is not built here)
 * @param accountId           the tooling account
 * @param logRetentionDays    retention of the training build's log group
 * @param permissionsBoundary managed policy set as permissions boundary on every role (Enterprise), if any
 */
public record TrainingPipelineArgs(
        TrainingConfig training,
        DeployConfig deploy,
        SourceControl sourceControl,
        Optional<CodeStarConnection> codeStarConnection,
        Naming naming,
        Tags tags,
        Tier tier,
        String region,
        String partition,
        Output<String> accountId,
        int logRetentionDays,
        Optional<Output<String>> permissionsBoundary,
        List<Statement> keyGrants) {

    /** The arguments of a tooling stack's configuration. */
    public static TrainingPipelineArgs from(StackConfig config, Naming naming, Tags tags, Output<String> accountId,
                                            Optional<Output<String>> permissionsBoundary) {
        return new TrainingPipelineArgs(config.requireTraining(), config.requireDeploy(), config.sourceControl(),
                config.codeStarConnection(), naming, tags, config.tier(), config.region(), config.partition(),
                accountId, config.security().logRetentionDays(), permissionsBoundary, List.of());
    }

    /** These arguments with key-policy statements for services outside this component (e.g. security logs). */
    public TrainingPipelineArgs withKeyGrants(List<Statement> grants) {
        return new TrainingPipelineArgs(training, deploy, sourceControl, codeStarConnection, naming, tags, tier, region,
                partition, accountId, logRetentionDays, permissionsBoundary, List.copyOf(grants));
    }

    /**
     * The account of each target stage: the deploy environments, else the training block's
     * {@code preProdAccountId}/{@code prodAccountId}.
     */
    public Map<TargetEnvironment.Stage, String> targetAccounts() {
        Map<TargetEnvironment.Stage, String> accounts = new EnumMap<>(TargetEnvironment.Stage.class);
        training.preProdAccountId().ifPresent(a -> accounts.put(TargetEnvironment.Stage.PREPROD, a));
        training.prodAccountId().ifPresent(a -> accounts.put(TargetEnvironment.Stage.PROD, a));
        deploy.environments().forEach(e -> accounts.put(e.stage(), e.accountId()));
        return accounts;
    }
}

package com.sagemakermlops.stacks;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.deploy.DeployPipelineArgs;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.components.security.PermissionBoundary;
import com.sagemakermlops.components.security.PermissionBoundaryArgs;
import com.sagemakermlops.components.source.ProgramBundle;
import com.sagemakermlops.components.source.SourceSettings;
import com.sagemakermlops.components.store.ModelStoreArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.training.TrainingPipeline;
import com.sagemakermlops.components.training.TrainingPipelineArgs;
import com.sagemakermlops.config.ConfigProblem;
import com.sagemakermlops.config.InvalidConfigException;
import com.sagemakermlops.config.PulumiCloudBackend;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.config.TrainingConfig;
import com.sagemakermlops.naming.Naming;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tooling stack decided from its configuration, before any resource: names, tags, where it lives, the tier's
 * components, the deploy stages (one preprod stage in this account when none is configured) and each component's
 * arguments. Pure: unit-tested without an engine.
 *
 * @param config        the configuration as given; its deploy block is {@link #deploy()}'s without the single-account
 *                      stage, so read that one
 * @param deploy        the deploy block, with the single-account stage when none was configured
 * @param singleAccount whether no stage was configured, so the one stage is this account
 * @param naming        the product's physical names
 * @param tags          the tags of every tooling resource
 * @param scope         the tooling account
 */
public record ToolingPlan(StackConfig config, DeployConfig deploy, boolean singleAccount, Naming naming, Tags tags,
                          AwsScope scope) {
    /** The deploy repository is seeded with this program, run from the project root. */
    static final Path PROJECT_ROOT = Path.of("");

    public static ToolingPlan of(StackConfig config) {
        String accountId = config.requireAccountId();
        DeployConfig configured = config.requireDeploy();
        TrainingConfig training = config.requireTraining();
        Naming naming = new Naming(config.requireProduct(), config.region());
        Tags tags = Tags.of(naming.productName(), config.tier().name().toLowerCase(), "tooling",
                training.projectName(), training.domainId(), training.domainArn());
        ToolingPlan plan = new ToolingPlan(config, configured.orSingleAccount(accountId, config.region()),
                configured.environments().isEmpty(), naming, tags,
                new AwsScope(config.partition(), config.region(), accountId));
        if (plan.enterprise()) {
            requireBoundaryFits(plan);
        }
        return plan;
    }

    /** The Enterprise boundary names the product in most statements: a long product name can outgrow IAM's limit. */
    private static void requireBoundaryFits(ToolingPlan plan) {
        PermissionBoundary.excessCharacters(plan.boundaryArgs()).ifPresent(excess -> {
            throw new InvalidConfigException(List.of(ConfigProblem.ofKey("product", "the Enterprise permissions "
                    + "boundary of this product would be " + excess + " characters longer than the "
                    + ManagedPolicyLimit.CHARACTERS + " IAM accepts for a managed policy; it scopes its statements "
                    + "by the product's names (" + plan.naming().productName() + "), so a shorter org, environment, "
                    + "clientId or name fits")));
        });
    }

    public Tier tier() {
        return config.tier();
    }

    /** Dashboard, approval trigger and the Professional SSM parameters. */
    public boolean professional() {
        return tier().atLeast(Tier.PROFESSIONAL);
    }

    /** Permission boundary, security monitoring, private networking. */
    public boolean enterprise() {
        return tier().atLeast(Tier.ENTERPRISE);
    }

    public SourceSettings source() {
        return new SourceSettings(config.sourceControl(), config.codeStarConnection());
    }

    public ProductContext product(Optional<Output<String>> boundary) {
        return new ProductContext(naming, tags, scope, tier(), boundary);
    }

    /** The deploy side's resources carry the deploy project's SageMaker project name. */
    public ProductContext deployProduct(Optional<Output<String>> boundary) {
        return new ProductContext(naming, tags.with("sagemaker:project-name", deploy().projectName()), scope, tier(),
                boundary);
    }

    public PermissionBoundaryArgs boundaryArgs() {
        return new PermissionBoundaryArgs(naming, tags, scope, source(),
                deploy().pulumiCloud().map(PulumiCloudBackend::accessTokenSecretArn));
    }

    /**
     * The account of each target stage: the deploy environments, else the training block's
     * {@code preProdAccountId}/{@code prodAccountId}.
     */
    public Map<Stage, String> targetAccounts() {
        Map<Stage, String> accounts = new EnumMap<>(Stage.class);
        TrainingConfig training = config.requireTraining();
        training.preProdAccountId().ifPresent(a -> accounts.put(Stage.PREPROD, a));
        training.prodAccountId().ifPresent(a -> accounts.put(Stage.PROD, a));
        deploy().environments().forEach(e -> accounts.put(e.stage(), e.accountId()));
        return accounts;
    }

    public ModelStoreArgs storeArgs() {
        ModelStoreArgs.Builder store = ModelStoreArgs.builder()
                .naming(naming)
                .scope(scope)
                .tags(tags)
                .modelArtifactsPrefix(TrainingPipeline.modelArtifactsPrefix(naming))
                .targetAccounts(targetAccounts())
                .dataCapture(deploy().enableDataCapture())
                .eventBridgeNotifications(config.sourceControl() == SourceControl.S3);
        deploy().modelBucketName().ifPresent(store::bucketName);
        deploy().modelPackageGroupName().ifPresent(store::registryName);
        return store.build();
    }

    public TrainingPipelineArgs trainingArgs(ModelStoreRef store, Optional<Output<String>> boundary) {
        return new TrainingPipelineArgs(config.requireTraining(), product(boundary), store, source(),
                config.security().logRetentionDays());
    }

    public DeployPipelineArgs deployArgs(ModelStoreRef store, Optional<Output<String>> boundary) {
        return new DeployPipelineArgs(deploy(), deployProduct(boundary), store, source(),
                ProgramBundle.of(PROJECT_ROOT, stages()));
    }

    public List<Stage> stages() {
        return deploy().environments().stream().map(TargetEnvironment::stage).toList();
    }

    /**
     * Whether the program creates the stage's roles: through the stage's bootstrap role, or directly when the stage is
     * this account. Otherwise the roles are expected under their documented names.
     */
    public boolean bootstraps(TargetEnvironment environment) {
        return environment.bootstrapRoleArn().isPresent() || environment.accountId().equals(scope.accountId());
    }
}

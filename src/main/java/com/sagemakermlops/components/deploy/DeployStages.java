package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of the deploy pipeline: Source, then DeployPreProd, ManualApproval and DeployProd for the configured
 * environments only. The approval gates prod alone, so it exists only when prod is configured and
 * {@code enableManualApproval} is on.
 */
public final class DeployStages {
    public static final String SOURCE = "Source";
    public static final String MANUAL_APPROVAL = "ManualApproval";
    public static final String APPROVE_PROD = "ApproveDeployProd";

    /** What an action does. */
    public enum Kind { SOURCE, DEPLOY, APPROVAL }

    /** One action; {@code target} is the stage a DEPLOY action deploys to or an APPROVAL action gates. */
    public record Action(String name, Kind kind, Optional<TargetEnvironment.Stage> target) {
    }

    /** One pipeline stage with its single action. */
    public record Stage(String name, Action action) {
    }

    private DeployStages() {
    }

    /** The stages in execution order; only {@link #SOURCE} when no environment is configured. */
    public static List<Stage> plan(DeployConfig deploy) {
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage(SOURCE, new Action(SOURCE, Kind.SOURCE, Optional.empty())));
        deploy.preProdEnvironment().ifPresent(env -> stages.add(deployStage(env.stage())));
        deploy.prodEnvironment().ifPresent(env -> {
            if (deploy.enableManualApproval()) {
                stages.add(new Stage(MANUAL_APPROVAL,
                        new Action(APPROVE_PROD, Kind.APPROVAL, Optional.of(env.stage()))));
            }
            stages.add(deployStage(env.stage()));
        });
        return List.copyOf(stages);
    }

    /** True when the layout deploys somewhere: CodePipeline needs a stage after the source. */
    public static boolean deploysAnything(DeployConfig deploy) {
        return !deploy.environments().isEmpty();
    }

    /** {@code DeployPreProd} / {@code DeployProd}: the name of the stage and of its action. */
    public static String deployStageName(TargetEnvironment.Stage stage) {
        return "Deploy" + stage.title();
    }

    private static Stage deployStage(TargetEnvironment.Stage stage) {
        String name = deployStageName(stage);
        return new Stage(name, new Action(name, Kind.DEPLOY, Optional.of(stage)));
    }
}

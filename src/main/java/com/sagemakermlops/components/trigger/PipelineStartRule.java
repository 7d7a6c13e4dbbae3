package com.sagemakermlops.components.trigger;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An EventBridge rule that starts one CodePipeline pipeline on matching events, through a role only that rule of
 * this account can assume ({@code aws:SourceArn} and {@code aws:SourceAccount}) and that may only
 * {@code codepipeline:StartPipelineExecution} that pipeline: {@code <name>-rule}, {@code <name>-target},
 * {@code <name>-role} and {@code <name>-permissions}. The training pipeline starts on source changes, the deploy
 * pipeline on model approvals.
 */
public final class PipelineStartRule extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:trigger:PipelineStartRule";

    /**
     * @param description  what the rule starts and when; required
     * @param eventPattern the EventBridge pattern (JSON); required
     * @param pipelineArn  the pipeline to start; required
     * @param ruleName     physical rule name; required
     * @param roleName     physical name of the role the rule assumes; required
     * @param product      tags, account and role boundary; required
     */
    public record Args(String description, Output<String> eventPattern, Output<String> pipelineArn, String ruleName,
                       String roleName, ProductContext product) {

        public Args {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(eventPattern, "eventPattern");
            Objects.requireNonNull(pipelineArn, "pipelineArn");
            Objects.requireNonNull(ruleName, "ruleName");
            Objects.requireNonNull(roleName, "roleName");
            Objects.requireNonNull(product, "product");
        }
    }

    private final Output<String> ruleArn;
    private final Output<String> ruleName;

    public PipelineStartRule(String name, Args args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(args.ruleName())
                .description(args.description())
                .eventPattern(args.eventPattern())
                .tags(args.product().tags().asMap())
                .build(), child);
        String roleName = name + "-role";
        Role role = Roles.create(roleName, new Roles.Spec(args.roleName(), Roles.oneDuty(roleName, args.roleName()),
                ServiceTrust.EVENTS.trust(Output.of(args.product().scope().accountId()), rule.arn()),
                args.product().permissionsBoundary(), args.product().tags()), child);
        var permissions = Roles.permissions(name + "-permissions", role, statements(args.pipelineArn()), child);
        new EventTarget(name + "-target", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(args.pipelineArn())
                .roleArn(role.arn())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(permissions).build());
        this.ruleArn = rule.arn();
        this.ruleName = rule.name();
        registerOutputs(Map.of("ruleArn", ruleArn, "ruleName", ruleName));
    }

    static List<Statement> statements(Output<String> pipelineArn) {
        return List.of(Statement.allow("StartThisPipeline", "codepipeline:StartPipelineExecution").on(pipelineArn));
    }

    public Output<String> ruleArn() {
        return ruleArn;
    }

    public Output<String> ruleName() {
        return ruleName;
    }
}

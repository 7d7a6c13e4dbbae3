package com.sagemakermlops.components.trigger;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Optional;

/**
 * An EventBridge rule that starts one CodePipeline pipeline on matching events, through a role only that rule of
 * this account can assume ({@code aws:SourceArn} and {@code aws:SourceAccount}) and that may only
 * {@code codepipeline:StartPipelineExecution} that pipeline. The training pipeline starts on source changes, the
 * deploy pipeline on model approvals.
 */
public final class PipelineStartRule {
    /**
     * @param eventPattern  the EventBridge pattern (JSON)
     * @param pipelineArn   the pipeline to start
     * @param ruleName      physical rule name
     * @param roleName      physical name of the role the rule assumes
     * @param account       the rule's account
     */
    public record Args(String description, Output<String> eventPattern, Output<String> pipelineArn, String ruleName,
                       String roleName, Tags tags, Optional<Output<String>> permissionsBoundary,
                       Output<String> account) {
    }

    private PipelineStartRule() {
    }

    /** @return the rule (its target and role are created with it) */
    public static EventRule create(String name, Args args, CustomResourceOptions options) {
        EventRule rule = new EventRule(name, EventRuleArgs.builder()
                .name(args.ruleName())
                .description(args.description())
                .eventPattern(args.eventPattern())
                .tags(args.tags().asMap())
                .build(), options);
        String roleName = name + "-role";
        Role role = Roles.create(roleName, new Roles.Spec(args.roleName(),
                Roles.oneDuty(roleName, args.roleName()),
                ServiceTrust.EVENTS.trust(args.account(), rule.arn()), args.permissionsBoundary(), args.tags()),
                options);
        var permissions = Roles.permissions(roleName, role, statements(args.pipelineArn()), options);
        new EventTarget(name, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(args.pipelineArn())
                .roleArn(role.arn())
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(permissions).build()));
        return rule;
    }

    static List<Statement> statements(Output<String> pipelineArn) {
        return List.of(Statement.allow("StartThisPipeline", "codepipeline:StartPipelineExecution").on(pipelineArn));
    }
}

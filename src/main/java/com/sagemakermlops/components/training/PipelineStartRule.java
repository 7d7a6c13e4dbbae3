package com.sagemakermlops.components.training;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.Optional;

/**
 * An EventBridge rule that starts one CodePipeline pipeline on matching events, through a role only that rule can
 * assume ({@code aws:SourceArn}) and that may only {@code codepipeline:StartPipelineExecution} that pipeline.
 */
public final class PipelineStartRule {
    /**
     * @param eventPattern the EventBridge pattern (JSON)
     * @param pipelineArn  the pipeline to start
     * @param ruleName     physical rule name
     * @param roleName     physical name of the role the rule assumes
     */
    public record Args(String description, Output<String> eventPattern, Output<String> pipelineArn, String ruleName,
                       String roleName, Tags tags, Optional<Output<String>> permissionsBoundary) {
    }

    private PipelineStartRule() {
    }

    public static EventTarget create(String name, Args args, CustomResourceOptions options) {
        EventRule rule = new EventRule(name, EventRuleArgs.builder()
                .name(args.ruleName())
                .description(args.description())
                .eventPattern(args.eventPattern())
                .tags(args.tags().asMap())
                .build(), options);
        Role role = ServiceRoles.role(name + "-role", args.roleName(), trust(rule.arn()), args.tags(),
                args.permissionsBoundary(), options);
        var permissions = ServiceRoles.permissions(name + "-role", role, statements(args.pipelineArn()), options);
        return new EventTarget(name, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(args.pipelineArn())
                .roleArn(role.arn())
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(permissions).build()));
    }

    static Output<String> trust(Output<String> ruleArn) {
        return PolicyDocument.of(Statement.allow("TrustThisRule", "sts:AssumeRole")
                .principal("Service", "events.amazonaws.com")
                .when("ArnEquals", "aws:SourceArn", ruleArn));
    }

    static List<Statement> statements(Output<String> pipelineArn) {
        return List.of(Statement.allow("StartThisPipeline", "codepipeline:StartPipelineExecution").on(pipelineArn));
    }
}

package com.sagemakermlops.components.deploy;

import com.google.gson.Gson;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.naming.PhysicalName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the deploy pipeline when a version of the model package group becomes Approved: an EventBridge rule on
 * SageMaker's model package state changes, targeting the pipeline through a role that may only start it.
 */
final class ApprovalTrigger {
    private final Output<String> ruleArn;
    private final Output<String> ruleName;

    /** The rule's pattern: this group's packages whose approval status changed to Approved. */
    static String eventPattern(String modelPackageGroupName) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ModelPackageGroupName", List.of(modelPackageGroupName));
        detail.put("ModelApprovalStatus", List.of("Approved"));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.sagemaker"));
        pattern.put("detail-type", List.of("SageMaker Model Package State Change"));
        pattern.put("detail", detail);
        return new Gson().toJson(pattern);
    }

    ApprovalTrigger(String name, Resource parent, DeployPipelineArgs args, Output<String> pipelineArn) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        var rule = new EventRule(name + "-approved", EventRuleArgs.builder()
                .name(args.naming().physical(PhysicalName.EVENT_RULE, "model-approved"))
                .description("Starts the deploy pipeline when a model package version is Approved")
                .eventPattern(args.modelPackageGroupName().applyValue(ApprovalTrigger::eventPattern))
                .tags(args.tags().asMap())
                .build(), options);
        var role = Roles.create(name + "-trigger-role", new Roles.Spec(
                args.naming().physical(PhysicalName.IAM_ROLE, "deploy-trigger"),
                "Lets the model approval rule start the deploy pipeline, nothing else",
                PolicyDocument.of(DeployPolicies.triggerTrust(args.scope(), rule.arn())),
                args.permissionsBoundary(), args.tags()), options);
        var permission = new RolePolicy(name + "-trigger-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyDocument.of(DeployPolicies.startPipeline(pipelineArn)))
                .build(), options);
        new EventTarget(name + "-approved-target", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("deploy-pipeline")
                .arn(pipelineArn)
                .roleArn(role.arn())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(permission).build());
        this.ruleArn = rule.arn();
        this.ruleName = rule.name();
    }

    Output<String> ruleArn() {
        return ruleArn;
    }

    Output<String> ruleName() {
        return ruleName;
    }
}

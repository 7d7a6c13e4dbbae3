package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.BuildPolicy;
import com.sagemakermlops.policy.rules.IamServiceTrustSourceConditioned;

import java.util.List;

/**
 * The AWS services this product's roles trust, with the confused-deputy condition keys each service documents for
 * assuming a role (its "Cross-service confused deputy prevention" page). A trust names exactly those keys: a key the
 * service does not send when it assumes the role would make every assumption fail. A service that documents none
 * gets a plain trust, and the role a suppression of the policy pack's service-trust policy that cites the page.
 */
public enum ServiceTrust {
    /**
     * Documents {@code aws:SourceArn} per feature: {@code arn:<partition>:sagemaker:<region>:<account>:*} for
     * inference, and patterns under it for pipelines ({@code pipeline/<name>/*}), processing and training jobs;
     * every example of a role assumption leaves out {@code aws:SourceAccount} ("you do not need to specify" it).
     */
    SAGEMAKER("sagemaker.amazonaws.com", "TrustSageMaker", false, true,
            "https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html"),
    /** Documents both: the account, and the build project's ARN. */
    CODEBUILD("codebuild.amazonaws.com", "TrustCodeBuildProject", true, true,
            "https://docs.aws.amazon.com/codebuild/latest/userguide/cross-service-confused-deputy-prevention.html"),
    /** Documents both for the targets of event bus rules: the account, and the rule's ARN. */
    EVENTS("events.amazonaws.com", "TrustThisRule", true, true,
            "https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html"),
    /** Its service-role page documents no condition on the role's trust. */
    CODEPIPELINE("codepipeline.amazonaws.com", "TrustCodePipeline", false, false,
            "https://docs.aws.amazon.com/codepipeline/latest/userguide/how-to-custom-role.html"),
    /**
     * The service-role page names only the principal; the confused-deputy keys CloudFormation documents are for
     * extensions, not for the stack operations a service role serves (and a service role is passed only within its
     * account, by a caller holding {@code iam:PassRole}).
     */
    CLOUDFORMATION("cloudformation.amazonaws.com", "TrustCloudFormation", false, false,
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html"),
    /**
     * The page of the role that delivers a trail's events to CloudWatch Logs says confused deputy prevention does
     * not apply to that role and that it does not support {@code aws:SourceArn} or {@code aws:SourceAccount}.
     */
    CLOUDTRAIL_LOGS_DELIVERY("cloudtrail.amazonaws.com", "TrustCloudTrail", false, false,
            "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html");

    /** A trust policy and the tags its role needs beside the product's (the suppression, where one applies). */
    public record Trust(Output<String> policy, List<BuildPolicy.Suppression> suppressions) {
        public Tags tagged(Tags tags) {
            return tags.withSuppressions(suppressions);
        }
    }

    private final String principal;
    private final String sid;
    private final boolean documentsAccount;
    private final boolean documentsArn;
    private final String page;

    ServiceTrust(String principal, String sid, boolean documentsAccount, boolean documentsArn, String page) {
        this.principal = principal;
        this.sid = sid;
        this.documentsAccount = documentsAccount;
        this.documentsArn = documentsArn;
        this.page = page;
    }

    /** The service principal, e.g. {@code codebuild.amazonaws.com}. */
    public String principal() {
        return principal;
    }

    /** The AWS page this service's entry is taken from. */
    public String page() {
        return page;
    }

    /** Whether the service documents {@code aws:SourceAccount} for assuming a role. */
    public boolean documentsSourceAccount() {
        return documentsAccount;
    }

    /** Whether the service documents {@code aws:SourceArn} for assuming a role. */
    public boolean documentsSourceArn() {
        return documentsArn;
    }

    /**
     * The trust of a role this service assumes for {@code account}, on behalf of the resources {@code sourceArn}
     * matches (an {@code ArnLike} pattern); each is used only where the service documents it.
     */
    public Trust trust(Output<String> account, Output<String> sourceArn) {
        Statement statement = Statement.allow(sid, "sts:AssumeRole").principal("Service", principal);
        if (documentsAccount) {
            statement.when("StringEquals", "aws:SourceAccount", account);
        }
        if (documentsArn) {
            statement.when("ArnLike", "aws:SourceArn", sourceArn);
        }
        return new Trust(PolicyDocument.of(statement), documentsAccount || documentsArn ? List.of()
                : List.of(new BuildPolicy.Suppression(IamServiceTrustSourceConditioned.NAME, principal
                + " documents no aws:SourceAccount or aws:SourceArn for assuming this role: " + page)));
    }

    public Trust trust(String account, String sourceArn) {
        return trust(Output.of(account), Output.of(sourceArn));
    }
}

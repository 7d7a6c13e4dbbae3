package com.sagemakermlops.components.network;

import com.sagemakermlops.components.iam.Statement;

import java.util.List;
import java.util.function.Function;

/**
 * The interface endpoints (private DNS) of the VPC the builds and jobs run in: one per service a component of this
 * product calls from there, with who calls it and its endpoint policy. Every service here supports endpoint policies
 * (the page of each is cited on its policy in {@link EndpointPolicies}). Not here, because nothing calls them from
 * the VPC: CodeBuild and CodeCommit (the builds get their source from the pipeline's artifact in S3 and call neither
 * API), SSM (read by the tooling stack's own {@code pulumi up}, not by a build). S3 is the gateway endpoint.
 */
enum InterfaceEndpoint {
    /** The training build's run_pipeline.py; the deploy builds' latest_approved_package.py and hosting provider. */
    SAGEMAKER_API("sagemaker.api", EndpointPolicies::sagemakerApi),
    /** The deploy builds' smoke test, as the stage's deploy role. */
    SAGEMAKER_RUNTIME("sagemaker.runtime", EndpointPolicies::sagemakerRuntime),
    /** The deploy builds' hosting provider (AssumeRole of the stage's deploy role, GetCallerIdentity as both). */
    STS("sts", EndpointPolicies::sts),
    /** The deploy builds' awskms:// secrets provider. */
    KMS("kms", EndpointPolicies::kms),
    /** The builds' CloudWatch Logs streams (their roles' logs:CreateLogStream and logs:PutLogEvents). */
    LOGS("logs", EndpointPolicies::logs),
    /**
     * The registry API of image pulls made in the VPC (a build or notebook running docker, Studio apps). SageMaker
     * pulls the jobs' and models' images itself (train-vpc page) and CodeBuild its image with its own credentials.
     */
    ECR_API("ecr.api", EndpointPolicies::ecr),
    /** The Docker registry of those pulls; their layers come through the S3 gateway. */
    ECR_DKR("ecr.dkr", EndpointPolicies::ecr),
    /** The deploy builds' hosting provider: the endpoints' scalable targets and scaling policies. */
    APPLICATION_AUTOSCALING("application-autoscaling", EndpointPolicies::applicationAutoScaling),
    /** The deploy builds' hosting provider: the endpoints' alarms. */
    MONITORING("monitoring", EndpointPolicies::cloudWatch);

    private final String service;
    private final Function<EndpointPolicies.Scope, List<Statement>> policy;

    InterfaceEndpoint(String service, Function<EndpointPolicies.Scope, List<Statement>> policy) {
        this.service = service;
        this.policy = policy;
    }

    /** The last part of the service name, {@code com.amazonaws.<region>.<service>}. */
    String service() {
        return service;
    }

    List<Statement> policy(EndpointPolicies.Scope scope) {
        return policy.apply(scope);
    }
}

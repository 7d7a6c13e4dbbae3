package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.StackPolicy;
import com.sagemakermlops.policy.UnknownValueException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Model Monitor job is no less isolated than the model it watches: it reads that endpoint's captured requests.
 * It encrypts traffic between its instances, runs network-isolated when the stack's models do, and in their VPC
 * subnets when they run in one (CreateDataQualityJobDefinition {@code NetworkConfig}).
 */
public final class SageMakerMonitoringJobIsolation extends StackPolicy {
    public SageMakerMonitoringJobIsolation() {
        super("sagemaker-monitoring-job-isolation",
                "SageMaker data-quality monitoring jobs are as isolated as the models they watch: inter-container "
                        + "encryption, network isolation when the models have it, and the models' VPC subnets.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set networkConfig.enableInterContainerTrafficEncryption: true, enableNetworkIsolation as the "
                        + "endpoint's model has it, and networkConfig.vpcConfig to the model's subnets and "
                        + "security groups.",
                List.of(), Set.of(Types.SM_DATA_QUALITY_JOB, Types.SM_MODEL));
    }

    @Override
    public void check(List<PolicyResource> resources, PolicySettings settings, Sink sink) {
        boolean modelsIsolated = false;
        Set<String> modelSubnets = new TreeSet<>();
        for (PolicyResource model : resources) {
            if (!model.type().equals(Types.SM_MODEL)) {
                continue;
            }
            Props p = new Props(model.properties());
            try {
                modelsIsolated |= Boolean.TRUE.equals(p.bool("enableNetworkIsolation"));
                Props vpc = p.object("vpcConfig");
                if (vpc != null) {
                    modelSubnets.addAll(vpc.strings("subnets"));
                }
            } catch (UnknownValueException e) {
                sink.undetermined(model, e.property());
                return;
            }
        }
        for (PolicyResource job : resources) {
            if (job.type().equals(Types.SM_DATA_QUALITY_JOB)) {
                try {
                    checkJob(job, new Props(job.properties()), modelsIsolated, modelSubnets, sink);
                } catch (UnknownValueException e) {
                    sink.undetermined(job, e.property());
                }
            }
        }
    }

    private static void checkJob(PolicyResource job, Props p, boolean modelsIsolated, Set<String> modelSubnets,
                                 Sink sink) {
        Props network = p.object("networkConfig");
        Props config = network == null ? new Props(Map.of()) : network;
        if (!Boolean.TRUE.equals(config.bool("enableInterContainerTrafficEncryption"))) {
            sink.violation(job, "networkConfig.enableInterContainerTrafficEncryption is not true");
        }
        if (modelsIsolated && !Boolean.TRUE.equals(config.bool("enableNetworkIsolation"))) {
            sink.violation(job, "networkConfig.enableNetworkIsolation is not true, but the stack's models run "
                    + "network-isolated");
        }
        if (!modelSubnets.isEmpty()) {
            Props vpc = config.object("vpcConfig");
            Set<String> subnets = vpc == null ? Set.of() : new TreeSet<>(vpc.strings("subnets"));
            if (!subnets.equals(modelSubnets)) {
                sink.violation(job, "networkConfig.vpcConfig.subnets are " + subnets + ", not the subnets of the "
                        + "stack's models " + modelSubnets);
            }
        }
    }
}

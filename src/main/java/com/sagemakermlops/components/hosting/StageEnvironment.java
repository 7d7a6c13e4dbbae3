package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stage's entry of the tooling stack's {@code environments} output: where the stage's hosting deploys, the roles
 * its provider assumes and passes, and how its endpoint is isolated and observed.
 */
public record StageEnvironment(
        String accountId,
        String region,
        Optional<String> vpcId,
        List<String> subnetIds,
        List<String> securityGroupIds,
        String deployRoleArn,
        String executionRoleArn,
        String externalId,
        boolean enableNetworkIsolation,
        boolean enableDataCapture) {

    public static final String ACCOUNT_ID = "accountId";
    public static final String REGION = "region";
    public static final String VPC_ID = "vpcId";
    public static final String SUBNET_IDS = "subnetIds";
    public static final String SECURITY_GROUP_IDS = "securityGroupIds";
    public static final String DEPLOY_ROLE_ARN = "deployRoleArn";
    public static final String EXECUTION_ROLE_ARN = "executionRoleArn";
    public static final String EXTERNAL_ID = "externalId";
    public static final String ENABLE_NETWORK_ISOLATION = "enableNetworkIsolation";
    public static final String ENABLE_DATA_CAPTURE = "enableDataCapture";

    public StageEnvironment {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** True when the endpoint runs in the stage's VPC (subnets and security groups given). */
    public boolean inVpc() {
        return !subnetIds.isEmpty() && !securityGroupIds.isEmpty();
    }

    /**
     * The entry the tooling stack exports for {@code environment}, in the shape {@link #fromOutput} reads.
     *
     * @param externalId the external ID the deploy role's trust policy requires
     */
    public static Output<Map<String, Object>> exported(TargetEnvironment environment, Output<String> deployRoleArn,
                                                       Output<String> executionRoleArn, Output<String> externalId,
                                                       boolean enableNetworkIsolation, boolean enableDataCapture) {
        return Output.tuple(deployRoleArn, executionRoleArn, externalId).applyValue(t -> new StageEnvironment(
                environment.accountId(), environment.region(), environment.vpc().map(vpc -> vpc.vpcId()),
                environment.vpc().map(vpc -> vpc.subnetIds()).orElse(List.of()),
                environment.vpc().map(vpc -> vpc.securityGroupIds()).orElse(List.of()),
                t.t1, t.t2, t.t3, enableNetworkIsolation, enableDataCapture).outputValue());
    }

    /** This entry as the tooling stack exports it: the inverse of {@link #fromOutput}. */
    public Map<String, Object> outputValue() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(ACCOUNT_ID, accountId);
        entry.put(REGION, region);
        vpcId.ifPresent(id -> entry.put(VPC_ID, id));
        entry.put(SUBNET_IDS, subnetIds);
        entry.put(SECURITY_GROUP_IDS, securityGroupIds);
        entry.put(DEPLOY_ROLE_ARN, deployRoleArn);
        entry.put(EXECUTION_ROLE_ARN, executionRoleArn);
        entry.put(EXTERNAL_ID, externalId);
        entry.put(ENABLE_NETWORK_ISOLATION, enableNetworkIsolation);
        entry.put(ENABLE_DATA_CAPTURE, enableDataCapture);
        return entry;
    }

    /** The {@code stage} entry of the tooling stack's {@code environments} output value. */
    public static StageEnvironment fromOutput(TargetEnvironment.Stage stage, Object environments) {
        if (!(environments instanceof Map<?, ?> all) || !(all.get(stage.id()) instanceof Map<?, ?> entry)) {
            throw new IllegalStateException("the tooling stack exports no " + ToolingOutputNames.ENVIRONMENTS + "."
                    + stage.id() + ": configure " + configKey(stage) + " in the tooling stack and update it first");
        }
        return new StageEnvironment(
                required(entry, stage, ACCOUNT_ID),
                required(entry, stage, REGION),
                Optional.ofNullable(entry.get(VPC_ID)).map(String::valueOf).filter(id -> !id.isEmpty()),
                strings(entry.get(SUBNET_IDS)),
                strings(entry.get(SECURITY_GROUP_IDS)),
                required(entry, stage, DEPLOY_ROLE_ARN),
                required(entry, stage, EXECUTION_ROLE_ARN),
                required(entry, stage, EXTERNAL_ID),
                !Boolean.FALSE.equals(entry.get(ENABLE_NETWORK_ISOLATION)),
                !Boolean.FALSE.equals(entry.get(ENABLE_DATA_CAPTURE)));
    }

    private static String configKey(TargetEnvironment.Stage stage) {
        return switch (stage) {
            case PREPROD -> "deploy.preProdEnvironment";
            case PROD -> "deploy.prodEnvironment";
        };
    }

    private static String required(Map<?, ?> entry, TargetEnvironment.Stage stage, String key) {
        Object value = entry.get(key);
        if (value == null || String.valueOf(value).isEmpty()) {
            throw new IllegalStateException("the tooling stack's " + ToolingOutputNames.ENVIRONMENTS + "."
                    + stage.id() + "." + key + " is missing");
        }
        return String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}

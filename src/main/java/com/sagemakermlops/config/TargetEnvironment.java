package com.sagemakermlops.config;

import java.util.Optional;

/**
 * A staging or production account the approved model is deployed to (MDAA {@code preProdEnvironment} /
 * {@code prodEnvironment}), with the optional role that bootstraps the account's deploy and execution roles.
 *
 * @param externalIdSecret the external ID was set with {@code pulumi config set --secret}: it reaches every resource
 *                         and output as a secret
 */
public record TargetEnvironment(
        Stage stage,
        String accountId,
        String region,
        Optional<VpcSettings> vpc,
        Optional<String> bootstrapRoleArn,
        Optional<String> externalId,
        boolean externalIdSecret) {

    /** An environment whose external ID, if any, is not secret. */
    public TargetEnvironment(Stage stage, String accountId, String region, Optional<VpcSettings> vpc,
                             Optional<String> bootstrapRoleArn, Optional<String> externalId) {
        this(stage, accountId, region, vpc, bootstrapRoleArn, externalId, false);
    }

    /** This environment with its external ID secret. */
    public TargetEnvironment withSecretExternalId() {
        return new TargetEnvironment(stage, accountId, region, vpc, bootstrapRoleArn, externalId, true);
    }

    /** The two deployment stages, in promotion order. */
    public enum Stage {
        PREPROD("preprod", "PreProd", "preProdEnvironment"), PROD("prod", "Prod", "prodEnvironment");

        private final String id;
        private final String title;
        private final String environmentKey;

        Stage(String id, String title, String environmentKey) {
            this.id = id;
            this.title = title;
            this.environmentKey = environmentKey;
        }

        /** The key of the stage's environment in the tooling stack's configuration: {@code deploy.prodEnvironment}. */
        public String configKey() {
            return "deploy." + environmentKey;
        }

        /** Lower-case id, as in stack names and config ({@code preprod}). */
        public String id() {
            return id;
        }

        /** Title-case name, as in pipeline stages ({@code DeployPreProd}). */
        public String title() {
            return title;
        }
    }
}

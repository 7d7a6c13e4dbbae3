package com.sagemakermlops.config;

/**
 * Pulumi Cloud (or a self-hosted Pulumi Cloud) as the hosting stacks' backend, instead of the state bucket and
 * secrets key the tooling stack creates: the deploy builds log in to {@code url} with the access token held in the
 * Secrets Manager secret {@code accessTokenSecretArn}, and Pulumi Cloud encrypts the stacks' secrets.
 */
public record PulumiCloudBackend(String url, String accessTokenSecretArn) {
    public static final String DEFAULT_URL = "https://api.pulumi.com";
    /** The secrets provider of a Pulumi Cloud stack: the service's own. */
    public static final String SECRETS_PROVIDER = "default";
}

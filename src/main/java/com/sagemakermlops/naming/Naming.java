package com.sagemakermlops.naming;

import com.sagemakermlops.config.Product;

/** How everything of one product is named: the product name, the key alias, SSM paths and physical names. */
public final class Naming {
    /**
     * CodePipeline stores a pipeline's artifacts in its artifact bucket under a folder of the first 20 characters of
     * its name (https://docs.aws.amazon.com/codepipeline/latest/userguide/troubleshooting.html, "Pipeline artifact
     * folder names appear to be truncated"; https://repost.aws/questions/QUI91tw7A9SUOMohJurNqmgA).
     */
    public static final int PIPELINE_FOLDER_LENGTH = 20;

    private final Product product;
    private final String productName;

    public Naming(Product product, String region) {
        this.product = product;
        this.productName = String.join("-", product.org(), product.environment(), product.clientId(), region,
                product.name(), "ml");
    }

    /** {@code {org}-{environment}-{clientId}-{region}-{name}-ml}. */
    public String productName() {
        return productName;
    }

    /** {@code alias/{org}-{environment}-{clientId}-{name}-ml-key}. */
    public String keyAlias() {
        return "alias/" + String.join("-", product.org(), product.environment(), product.clientId(), product.name(),
                "ml-key");
    }

    /** {@code alias/<productName>-pulumi-secrets}: the key of the hosting stacks' secrets. */
    public String secretsKeyAlias() {
        return "alias/" + productName + "-pulumi-secrets";
    }

    /** {@code /ml/{productName}/{parameter}}. */
    public String parameterPath(String parameter) {
        return "/ml/" + productName + "/" + parameter;
    }

    /** The start shared by every {@link #physical} name of this product under {@code limits}: for ARN patterns. */
    public String physicalPrefix(PhysicalName limits) {
        return limits.sharedPrefix(productName);
    }

    /**
     * {@code <purpose>-<hash of the product name>-<productName>}, fitted: the name of this product's pipeline for
     * {@code purpose}. CodePipeline keeps a pipeline's artifacts in a folder named after the first
     * {@value #PIPELINE_FOLDER_LENGTH} characters of its name, so the purpose and the product's hash come first: each
     * pipeline of a product, and each product sharing a bucket, has its own folder.
     */
    public String pipeline(String purpose) {
        if (purpose.length() + PhysicalName.HASH_LENGTH + 1 >= PIPELINE_FOLDER_LENGTH) {
            throw new IllegalArgumentException("pipeline purpose \"" + purpose + "\" leaves no room for the "
                    + "product's hash in the first " + PIPELINE_FOLDER_LENGTH + " characters");
        }
        return PhysicalName.CODEPIPELINE.fit(String.join("-", purpose, PhysicalName.hash(productName), productName));
    }

    /** Every {@link #pipeline} name of this product: for ARN patterns. */
    public String pipelinePattern() {
        return "*-" + PhysicalName.hash(productName) + "-*";
    }

    /** A physical name for this product's {@code purpose} that fits {@code limits}. */
    public String physical(PhysicalName limits, String purpose) {
        return limits.fit(productName + "-" + purpose);
    }
}

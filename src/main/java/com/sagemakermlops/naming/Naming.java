package com.sagemakermlops.naming;

import com.sagemakermlops.config.Product;

/** How everything of one product is named: the product name, the key alias, SSM paths and physical names. */
public final class Naming {
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

    /** A physical name for this product's {@code purpose} that fits {@code limits}. */
    public String physical(PhysicalName limits, String purpose) {
        return limits.fit(productName + "-" + purpose);
    }
}

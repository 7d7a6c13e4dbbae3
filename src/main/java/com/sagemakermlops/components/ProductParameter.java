package com.sagemakermlops.components;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Locale;
import java.util.Optional;

/**
 * An SSM parameter {@code /ml/<productName>/<Title>} a component publishes one of its values as (identifiers only,
 * never a secret), named {@code <component>-param-<kebab-title>}.
 */
public final class ProductParameter {
    private ProductParameter() {
    }

    /**
     * @param component   the publishing component's logical name
     * @param title       the parameter's name under the product, e.g. {@code ModelPackageGroupArn}
     * @param description the parameter's description; none when empty
     */
    public static Parameter create(String component, String title, Output<String> value, ProductContext product,
                                   Optional<String> description, CustomResourceOptions options) {
        ParameterArgs.Builder args = ParameterArgs.builder()
                .name(product.naming().parameterPath(title))
                .type("String");
        description.ifPresent(args::description);
        return new Parameter(component + "-param-" + kebab(title), args
                .value(value)
                .tags(product.tags().asMap())
                .build(), options);
    }

    /** {@code SageMakerRoleArn} → {@code sagemaker-role-arn}. */
    static String kebab(String title) {
        return title.replace("SageMaker", "Sagemaker").replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** The description the tier extras' parameters carry: {@code <Title> of <productName>}. */
    public static Optional<String> describedAs(String title, ProductContext product) {
        return Optional.of(title + " of " + product.naming().productName());
    }
}

package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@link ModelHosting} serves, as what, and how. Build with {@link #builder()}; {@link Builder#build()} names
 * the first required property left out.
 */
public final class ModelHostingArgs {
    private static final Pattern STAGE = Pattern.compile("[a-z0-9][a-z0-9-]{0,15}");

    private final Output<String> productName;
    private final String stage;
    private final Output<String> modelPackageArn;
    private final Output<String> executionRoleArn;
    private final Output<String> kmsKeyArn;
    private final EndpointSettings endpoint;
    private final Output<ModelNetwork> network;
    private final Output<Optional<DataCapture>> dataCapture;
    private final Optional<String> servedEndpointConfigName;
    private final Output<Map<String, String>> tags;

    private ModelHostingArgs(Builder b) {
        this.productName = required(b.productName, "productName");
        this.stage = required(b.stage, "stage");
        this.modelPackageArn = required(b.modelPackageArn, "modelPackageArn");
        this.executionRoleArn = required(b.executionRoleArn, "executionRoleArn");
        this.kmsKeyArn = required(b.kmsKeyArn, "kmsKeyArn");
        this.endpoint = required(b.endpoint, "endpoint");
        this.network = b.network;
        this.dataCapture = b.dataCapture;
        this.servedEndpointConfigName = b.servedEndpointConfigName;
        this.tags = b.tags;
        if (!STAGE.matcher(stage).matches()) {
            throw new IllegalArgumentException("ModelHostingArgs.stage: expected 1 to 16 lower-case letters, digits "
                    + "or hyphens, got \"" + stage + "\"");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required. The product name every physical name starts with ({@code <productName>-<stage>-endpoint}). */
    public Output<String> productName() {
        return productName;
    }

    /** Required. The stage served ({@code preprod}): in physical names and alarm descriptions. */
    public String stage() {
        return stage;
    }

    /** Required. The approved model package version to serve. */
    public Output<String> modelPackageArn() {
        return modelPackageArn;
    }

    /** Required. The role the model runs as, in the account the endpoint is in. */
    public Output<String> executionRoleArn() {
        return executionRoleArn;
    }

    /** Required. The key that encrypts the endpoint's storage and its data capture, in the endpoint's region. */
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    /** Required. The instances, autoscaling and blue/green deployment of the endpoint. */
    public EndpointSettings endpoint() {
        return endpoint;
    }

    /** Where the model's containers run. Default: {@link ModelNetwork#ISOLATED} (no network, no VPC). */
    public Output<ModelNetwork> network() {
        return network;
    }

    /** Where requests and responses are captured. Default: empty, nothing is captured. */
    public Output<Optional<DataCapture>> dataCapture() {
        return dataCapture;
    }

    /**
     * The configuration the endpoint serves when a deploy was rolled back away from the one this program last put
     * it on: its versions are kept in SageMaker, so new ones are named apart from them. Default: empty.
     */
    public Optional<String> servedEndpointConfigName() {
        return servedEndpointConfigName;
    }

    /** The tags every resource carries (the scaling policy takes none). Default: none. */
    public Output<Map<String, String>> tags() {
        return tags;
    }

    private static <T> T required(T value, String property) {
        if (value == null) {
            throw new MissingRequiredPropertyException("ModelHostingArgs", property);
        }
        return value;
    }

    /** Builds {@link ModelHostingArgs}; each setter's property is documented on its getter. */
    public static final class Builder {
        private Output<String> productName;
        private String stage;
        private Output<String> modelPackageArn;
        private Output<String> executionRoleArn;
        private Output<String> kmsKeyArn;
        private EndpointSettings endpoint;
        private Output<ModelNetwork> network = Output.of(ModelNetwork.ISOLATED);
        private Output<Optional<DataCapture>> dataCapture = Output.of(Optional.empty());
        private Optional<String> servedEndpointConfigName = Optional.empty();
        private Output<Map<String, String>> tags = Output.of(Map.of());

        private Builder() {
        }

        public Builder productName(Output<String> productName) {
            this.productName = productName;
            return this;
        }

        public Builder productName(String productName) {
            return productName(Output.of(productName));
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder modelPackageArn(Output<String> modelPackageArn) {
            this.modelPackageArn = modelPackageArn;
            return this;
        }

        public Builder modelPackageArn(String modelPackageArn) {
            return modelPackageArn(Output.of(modelPackageArn));
        }

        public Builder executionRoleArn(Output<String> executionRoleArn) {
            this.executionRoleArn = executionRoleArn;
            return this;
        }

        public Builder executionRoleArn(String executionRoleArn) {
            return executionRoleArn(Output.of(executionRoleArn));
        }

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder kmsKeyArn(String kmsKeyArn) {
            return kmsKeyArn(Output.of(kmsKeyArn));
        }

        public Builder endpoint(EndpointSettings endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder network(Output<ModelNetwork> network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        public Builder network(ModelNetwork network) {
            return network(Output.of(network));
        }

        public Builder dataCapture(Output<Optional<DataCapture>> dataCapture) {
            this.dataCapture = Objects.requireNonNull(dataCapture, "dataCapture");
            return this;
        }

        public Builder dataCapture(DataCapture dataCapture) {
            return dataCapture(Output.of(Optional.of(dataCapture)));
        }

        public Builder servedEndpointConfigName(Optional<String> servedEndpointConfigName) {
            this.servedEndpointConfigName = Objects.requireNonNull(servedEndpointConfigName);
            return this;
        }

        public Builder tags(Output<Map<String, String>> tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            return tags(Output.of(tags));
        }

        public ModelHostingArgs build() {
            return new ModelHostingArgs(this);
        }
    }
}

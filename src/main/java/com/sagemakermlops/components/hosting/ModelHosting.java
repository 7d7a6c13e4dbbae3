package com.sagemakermlops.components.hosting;

import com.pulumi.aws.sagemaker.Endpoint;
import com.pulumi.aws.sagemaker.EndpointArgs;
import com.pulumi.aws.sagemaker.EndpointConfiguration;
import com.pulumi.aws.sagemaker.EndpointConfigurationArgs;
import com.pulumi.aws.sagemaker.Model;
import com.pulumi.aws.sagemaker.ModelArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointConfigurationProductionVariantArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigAutoRollbackConfigurationArgs;
import com.pulumi.aws.sagemaker.inputs.ModelPrimaryContainerArgs;
import com.pulumi.aws.sagemaker.inputs.ModelVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * An approved model served behind a SageMaker endpoint: the model built from the model package, an endpoint
 * configuration encrypted with the given key (capturing requests and responses when asked), an endpoint that moves
 * to new versions blue/green and rolls back on its {@link RollbackAlarms}, and {@link EndpointAutoscaling} of its
 * variant. Every child goes through the provider the options give (or the parent's), so a hosting in another account
 * takes that account's provider: {@code ComponentResourceOptions.builder().providers(stageProvider)}.
 */
public final class ModelHosting extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:hosting:ModelHosting";

    private final Model model;
    private final EndpointConfiguration endpointConfig;
    private final Endpoint endpoint;
    private final RollbackAlarms alarms;
    private final EndpointAutoscaling autoscaling;

    /**
     * @param name    the component's name; its children's names start with it
     * @param args    what is served, as what, and how
     * @param options A bag of options that control this resource's behavior: the provider of the account the endpoint
     *                is in ({@code providers}), {@code parent}, {@code dependsOn}, {@code protect}...
     */
    public ModelHosting(String name, ModelHostingArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Output<HostingNames> names = names(args);
        this.model = model(name, args, names);
        this.endpointConfig = endpointConfig(name, args, names, model);
        var children = ComponentResourceOptions.builder().parent(this).build();
        this.alarms = new RollbackAlarms(name + "-alarms",
                new RollbackAlarms.Args(args.stage(), names, args.tags()), children);
        this.endpoint = endpoint(name, args, names, endpointConfig, alarms);
        this.autoscaling = new EndpointAutoscaling(name + "-autoscaling", new EndpointAutoscaling.Args(endpoint,
                endpointConfig, args.endpoint().autoscaling(), args.tags()), children);
        registerOutputs(Map.of("endpointName", endpoint.name(), "endpointArn", endpoint.arn(),
                "endpointConfigName", endpointConfig.name()));
    }

    public Output<String> endpointName() {
        return endpoint.name();
    }

    public Output<String> endpointArn() {
        return endpoint.arn();
    }

    /** The endpoint configuration this deploy puts the endpoint on: what the deploy build checks it serves. */
    public Output<String> endpointConfigName() {
        return endpointConfig.name();
    }

    /** The model served. */
    public Model model() {
        return model;
    }

    /** The endpoint configuration served. */
    public EndpointConfiguration endpointConfiguration() {
        return endpointConfig;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public RollbackAlarms alarms() {
        return alarms;
    }

    public EndpointAutoscaling autoscaling() {
        return autoscaling;
    }

    private static Output<HostingNames> names(ModelHostingArgs args) {
        EndpointSettings endpoint = args.endpoint();
        return Output.tuple(args.productName(), args.modelPackageArn(), args.executionRoleArn(), args.network(),
                        args.kmsKeyArn(), args.dataCapture())
                .applyValue(t -> HostingNames.of(t.t1, args.stage(),
                        new HostingNames.ModelInputs(t.t2, t.t3, t.t4.isolated(),
                                Optional.of(t.t4.fingerprint()).filter(vpc -> !vpc.isEmpty()),
                                args.servedEndpointConfigName()),
                        new HostingNames.ConfigInputs(endpoint.instanceType(), endpoint.instanceCount(), t.t5,
                                t.t6.map(DataCapture::destination))));
    }

    /**
     * Replaced models and configurations are deleted first but kept in AWS: a blue/green rollback returns the
     * endpoint to them, and the deploy build deletes them once it verified the endpoint serves the new configuration.
     */
    private CustomResourceOptions servedVersion() {
        return CustomResourceOptions.builder().parent(this).deleteBeforeReplace(true).retainOnDelete(true).build();
    }

    private Model model(String name, ModelHostingArgs args, Output<HostingNames> names) {
        return new Model(name + "-model", ModelArgs.builder()
                .name(names.applyValue(HostingNames::model))
                .executionRoleArn(args.executionRoleArn())
                .primaryContainer(args.modelPackageArn().applyValue(arn ->
                        ModelPrimaryContainerArgs.builder().modelPackageName(arn).build()))
                .enableNetworkIsolation(args.network().applyValue(ModelNetwork::isolated))
                .vpcConfig(args.network().applyValue(ModelHosting::vpcConfig))
                .tags(args.tags())
                .build(), servedVersion());
    }

    private EndpointConfiguration endpointConfig(String name, ModelHostingArgs args, Output<HostingNames> names,
                                                 Model model) {
        EndpointSettings endpoint = args.endpoint();
        return new EndpointConfiguration(name + "-config", EndpointConfigurationArgs.builder()
                .name(names.applyValue(HostingNames::endpointConfig))
                .kmsKeyArn(args.kmsKeyArn())
                .productionVariants(EndpointConfigurationProductionVariantArgs.builder()
                        .variantName(HostingNames.VARIANT)
                        .modelName(model.name())
                        .instanceType(endpoint.instanceType())
                        .initialInstanceCount(endpoint.instanceCount())
                        .initialVariantWeight(1.0)
                        .build())
                .dataCaptureConfig(Output.tuple(args.dataCapture(), args.kmsKeyArn())
                        .applyValue(t -> t.t1.map(capture -> capture.config(t.t2)).orElse(null)))
                .tags(args.tags())
                .build(), servedVersion());
    }

    private Endpoint endpoint(String name, ModelHostingArgs args, Output<HostingNames> names,
                              EndpointConfiguration endpointConfig, RollbackAlarms alarms) {
        return new Endpoint(name + "-endpoint", EndpointArgs.builder()
                .name(names.applyValue(HostingNames::endpoint))
                .endpointConfigName(endpointConfig.name())
                .deploymentConfig(EndpointDeploymentConfigArgs.builder()
                        .blueGreenUpdatePolicy(BlueGreenPolicy.of(args.endpoint().deployment()))
                        .autoRollbackConfiguration(EndpointDeploymentConfigAutoRollbackConfigurationArgs.builder()
                                .alarms(alarms.rollbackConfiguration())
                                .build())
                        .build())
                .tags(args.tags())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static ModelVpcConfigArgs vpcConfig(ModelNetwork network) {
        if (!network.inVpc()) {
            return null;
        }
        return ModelVpcConfigArgs.builder()
                .subnets(network.subnetIds())
                .securityGroupIds(network.securityGroupIds())
                .build();
    }
}

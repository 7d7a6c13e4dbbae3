package com.sagemakermlops.readme;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.EndpointSettings;
import com.sagemakermlops.components.hosting.ModelHosting;
import com.sagemakermlops.components.hosting.ModelHostingArgs;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.components.store.ModelStoreArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.HostingConfig.Autoscaling;
import com.sagemakermlops.config.HostingConfig.Deployment;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.naming.Naming;

import java.util.Optional;

/** A team's own program: a model store and one model served from it, in one account through its own provider. */
public final class ServingApp {
    static final String ACCOUNT = "444455556666";
    static final String REGION = "eu-west-1";

    public static void main(String[] args) {
        Pulumi.run(ServingApp::define);
    }

    static void define(Context ctx) {
        var naming = new Naming(new Product("acme", "prod", "c001", "churn"), REGION);
        var serving = ComponentResourceOptions.builder().providers(new Provider("serving", ProviderArgs.builder()
                .region(REGION)
                .allowedAccountIds(ACCOUNT)
                .build())).build();
        var store = new ModelStore("store", ModelStoreArgs.builder()
                .naming(naming)
                .scope(new AwsScope("aws", REGION, ACCOUNT))
                .tags(Tags.of(naming.productName(), "starter", "live", "churn", Optional.empty(), Optional.empty()))
                .modelArtifactsPrefix("pipelines/churn")
                .build(), serving);
        store.completeKeyPolicy();
        ModelStoreRef models = store.ref();
        var churn = new ModelHosting("churn", ModelHostingArgs.builder()
                .productName(naming.productName())
                .stage("live")
                .modelPackageArn(models.registryArn().applyValue(group ->
                        group.replace(":model-package-group/", ":model-package/") + "/7"))
                .executionRoleArn("arn:aws:iam::" + ACCOUNT + ":role/churn-model")
                .kmsKeyArn(models.keyArn())
                .endpoint(new EndpointSettings("ml.c5.large", 2,
                        new Autoscaling(2, 6, 200),
                        new Deployment(Strategy.LINEAR, 25, 5)))
                .dataCapture(models.bucketName().applyValue(bucket ->
                        Optional.of(new DataCapture(bucket, "data-capture/live/"))))
                .tags(Tags.of(naming.productName(), "starter", "live", "churn", Optional.empty(),
                        Optional.empty()).asMap())
                .build(), serving);
        ctx.export("endpointName", churn.endpointName());
    }
}

package com.sagemakermlops.readme;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.EndpointSettings;
import com.sagemakermlops.components.hosting.ModelHosting;
import com.sagemakermlops.components.hosting.ModelHostingArgs;
import com.sagemakermlops.config.HostingConfig.Autoscaling;
import com.sagemakermlops.config.HostingConfig.Deployment;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;

import java.util.Map;

/** A team's own program: one model served in its own account, through its own provider. */
public final class ServingApp {
    static final String ACCOUNT = "444455556666";
    static final String MODEL_PACKAGE =
            "arn:aws:sagemaker:eu-west-1:" + ACCOUNT + ":model-package/churn-models/7";

    public static void main(String[] args) {
        Pulumi.run(ServingApp::define);
    }

    static void define(Context ctx) {
        var serving = new Provider("serving", ProviderArgs.builder()
                .region("eu-west-1")
                .allowedAccountIds(ACCOUNT)
                .build());
        var churn = new ModelHosting("churn", ModelHostingArgs.builder()
                .productName("acme-churn")
                .stage("live")
                .modelPackageArn(MODEL_PACKAGE)
                .executionRoleArn("arn:aws:iam::" + ACCOUNT + ":role/churn-model")
                .kmsKeyArn("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
                .endpoint(new EndpointSettings("ml.c5.large", 2,
                        new Autoscaling(2, 6, 200),
                        new Deployment(Strategy.LINEAR, 25, 5)))
                .dataCapture(new DataCapture("acme-churn-captures", "live/"))
                .tags(Map.of("team", "churn"))
                .build(),
                ComponentResourceOptions.builder().providers(serving).build());
        ctx.export("endpointName", churn.endpointName());
    }
}

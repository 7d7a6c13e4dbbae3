package com.sagemakermlops.components.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.Resource;

/** The account a component deploys into, asked through the component's provider. */
public final class CallerAccount {
    private CallerAccount() {
    }

    public static Output<String> of(Resource component) {
        return AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOutputOptions.builder().parent(component).build()).applyValue(GetCallerIdentityResult::accountId);
    }
}

package com.sagemakermlops.components.training;

import com.pulumi.core.Output;

/** ARNs of this account and region, for resources named before they exist. */
record Arns(String partition, String region, Output<String> account) {

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    Output<String> regional(String service, String resource) {
        return account.applyValue(a -> "arn:" + partition + ":" + service + ":" + region + ":" + a + ":" + resource);
    }

    Output<String> role(String name) {
        return account.applyValue(a -> "arn:" + partition + ":iam::" + a + ":role/" + name);
    }

    Output<String> accountRoot() {
        return account.applyValue(this::root);
    }

    String root(String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }

    /** The endpoint host of {@code service} here, as {@code kms:ViaService} and service principals name it. */
    String service(String service) {
        return service + "." + region + ".amazonaws.com";
    }
}

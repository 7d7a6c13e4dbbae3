package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;

import java.util.Collection;
import java.util.List;

/**
 * ARNs of one partition and region, for resources named before they exist. The static forms take the account as
 * text (a configured account); a record's methods take it from its {@code account} output (the account deployed to).
 */
public record Arns(String partition, String region, Output<String> account) {

    /** {@code arn:<partition>:<service>:<region>:<accountId>:<resource>}. */
    public static String of(String partition, String service, String region, String accountId, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** {@code arn:<partition>:iam::<accountId>:root}. */
    public static String rootOf(String partition, String accountId) {
        return of(partition, "iam", "", accountId, "root");
    }

    /** {@code arn:<partition>:iam::<accountId>:role/<name>}. */
    public static String roleOf(String partition, String accountId, String name) {
        return of(partition, "iam", "", accountId, "role/" + name);
    }

    /** {@code <type>/<name>} as SageMaker ARNs write it: names in lower case. */
    public static String sagemakerResource(String type, String name) {
        return type + "/" + name.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public Output<String> regional(String service, String resource) {
        return account.applyValue(a -> of(partition, service, region, a, resource));
    }

    public Output<String> role(String name) {
        return account.applyValue(a -> roleOf(partition, a, name));
    }

    public Output<String> accountRoot() {
        return account.applyValue(this::root);
    }

    public String root(String accountId) {
        return rootOf(partition, accountId);
    }

    /** The root of each account, once each, in the order given. */
    public List<String> roots(Collection<String> accountIds) {
        return accountIds.stream().distinct().map(this::root).toList();
    }

    /** The endpoint host of {@code service} here, as {@code kms:ViaService} and service principals name it. */
    /** The regional endpoint name of {@code service}, as key and trust policies name it ({@code kms:ViaService}). */
    public String service(String service) {
        return serviceIn(service, partition, region);
    }

    /** {@code <service>.<region>.amazonaws.com}, or {@code .amazonaws.com.cn} in the China partition. */
    public static String serviceIn(String service, String partition, String region) {
        return service + "." + region + "." + (partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com");
    }
}

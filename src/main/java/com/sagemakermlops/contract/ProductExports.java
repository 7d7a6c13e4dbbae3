package com.sagemakermlops.contract;

import com.pulumi.core.Output;

/**
 * The product and where its tooling lives.
 *
 * @param productName      the product name every physical name starts with
 * @param partition        the AWS partition of the tooling account ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
 * @param toolingAccountId the tooling account's twelve-digit id
 * @param region           the tooling region: the key and the bucket are there
 */
public record ProductExports(Output<String> productName, Output<String> partition, Output<String> toolingAccountId,
                             Output<String> region) {
}

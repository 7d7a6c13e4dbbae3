package com.sagemakermlops.contract;

import com.pulumi.core.Output;

/**
 * The product's shared store in the tooling account.
 *
 * @param kmsKeyArn             the product key: endpoint storage and data capture are encrypted with it
 * @param modelBucketName       the model bucket: model artifacts, and data capture under {@code data-capture/<stage>/}
 * @param modelBucketArn        the model bucket's ARN
 * @param modelPackageGroupName the model registry the deploy pipeline promotes Approved versions from
 * @param modelPackageGroupArn  the model registry's ARN
 */
public record StoreExports(Output<String> kmsKeyArn, Output<String> modelBucketName, Output<String> modelBucketArn,
                           Output<String> modelPackageGroupName, Output<String> modelPackageGroupArn) {
}

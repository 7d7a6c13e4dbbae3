package com.sagemakermlops.policy.iam;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARNs as AWS issues them. AWS-managed policies are owned by the account {@code aws} and IAM ARNs have an empty region
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
 */
class ArnTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::aws:policy/AdministratorAccess",
            "arn:aws:iam::aws:policy/service-role/AmazonSageMakerPipelinesIntegrations",
            "arn:aws-cn:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::111122223333:role/mlops",
            "arn:aws:kms:us-west-2:111122223333:alias/aws/s3", "arn:aws:s3:::bucket/key"})
    void arnsAwsIssuesAreRead(String arn) {
        assertThat(ArnText.parse(arn)).as(arn).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::aws:role/mlops", "arn:aws:iam:us-east-1:aws:policy/ReadOnlyAccess",
            "arn:aws:s3::aws:bucket", "arn:aws:iam::AWS:policy/ReadOnlyAccess", "arn:aws:iam::11112222333:role/x",
            "arn:aws:iam::111122223333:role/a b", "arn:aws-moon:iam::111122223333:role/x", "arn:aws:IAM::111122223333:role/x",
            "arn:aws:iam::111122223333", "not an arn"})
    void arnsAwsCannotIssueAreRefused(String arn) {
        assertThat(ArnText.parse(arn)).as(arn).isEmpty();
    }
}

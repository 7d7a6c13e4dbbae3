package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArnsTest {

    @Test
    void serviceEndpointsFollowThePartitionsDnsSuffix() {
        assertThat(Arns.serviceIn("logs", "aws", "us-west-2")).isEqualTo("logs.us-west-2.amazonaws.com");
        assertThat(Arns.serviceIn("logs", "aws-us-gov", "us-gov-west-1")).isEqualTo("logs.us-gov-west-1.amazonaws.com");
        assertThat(Arns.serviceIn("s3", "aws-cn", "cn-north-1")).isEqualTo("s3.cn-north-1.amazonaws.com.cn");
        assertThat(new Arns("aws-cn", "cn-north-1", Output.of("111122223333")).service("s3"))
                .isEqualTo("s3.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void stringArnsNameTheirPartitionRegionAndAccount() {
        assertThat(Arns.of("aws-cn", "sagemaker", "cn-north-1", "111122223333", "endpoint/x"))
                .isEqualTo("arn:aws-cn:sagemaker:cn-north-1:111122223333:endpoint/x");
        assertThat(Arns.rootOf("aws", "111122223333")).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(Arns.roleOf("aws", "111122223333", "r")).isEqualTo("arn:aws:iam::111122223333:role/r");
    }
}

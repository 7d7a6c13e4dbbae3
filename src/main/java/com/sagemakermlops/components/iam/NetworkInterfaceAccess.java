package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;
import com.sagemakermlops.config.VpcSettings;

import java.util.List;

/**
 * What a role needs so a service (CodeBuild for builds, SageMaker for jobs and endpoints) can place its work in the
 * given VPC: elastic network interfaces in those subnets and security groups only. Each service gets the interface
 * permissions its documentation lists, with the conditions AWS documents for its calls.
 */
public final class NetworkInterfaceAccess {
    static final String CODEBUILD_SERVICE = "codebuild.amazonaws.com";

    private NetworkInterfaceAccess() {
    }

    /**
     * CodeBuild's VPC policy: interface permissions only for CodeBuild ({@code ec2:AuthorizedService}) in the
     * configured subnets; CodeBuild creates permissions and never deletes them
     * (https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface).
     */
    public static List<Statement> forCodeBuild(Arns arns, VpcSettings vpc) {
        Statement authorize = Statement.allow("AuthorizeNetworkInterfaces", "ec2:CreateNetworkInterfacePermission")
                .on(interfaces(arns))
                .when("StringEquals", "ec2:AuthorizedService", CODEBUILD_SERVICE);
        return statements(arns, vpc, inSubnets(authorize, arns, vpc));
    }

    /**
     * SageMaker's VPC permissions for jobs and endpoints: it creates and deletes interface permissions too
     * (https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html). SageMaker documents no
     * {@code ec2:AuthorizedService} value for its calls, so the permissions are bounded by the interface's subnet, a
     * key EC2 evaluates on the interface whoever calls
     * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html).
     */
    public static List<Statement> forSageMaker(Arns arns, VpcSettings vpc) {
        Statement authorize = Statement.allow("AuthorizeNetworkInterfaces", "ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterfacePermission")
                .on(interfaces(arns));
        return statements(arns, vpc, inSubnets(authorize, arns, vpc));
    }

    private static List<Statement> statements(Arns arns, VpcSettings vpc, Statement authorize) {
        Statement create = Statement.allow("CreateNetworkInterfacesInSubnets", "ec2:CreateNetworkInterface")
                .on(interfaces(arns));
        vpc.subnetIds().forEach(id -> create.on(arns.regional("ec2", "subnet/" + id)));
        vpc.securityGroupIds().forEach(id -> create.on(arns.regional("ec2", "security-group/" + id)));
        return List.of(
                Statement.allow("DescribeNetwork", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                                "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions")
                        .onAnyResourceBecause("EC2 Describe actions have no resource-level permissions"),
                create,
                Statement.allow("DeleteNetworkInterfaces", "ec2:DeleteNetworkInterface").on(interfaces(arns)),
                authorize);
    }

    private static Statement inSubnets(Statement statement, Arns arns, VpcSettings vpc) {
        vpc.subnetIds().forEach(id -> statement.when("ArnEquals", "ec2:Subnet", arns.regional("ec2", "subnet/" + id)));
        return statement;
    }

    private static Output<String> interfaces(Arns arns) {
        return arns.regional("ec2", "network-interface/*");
    }
}

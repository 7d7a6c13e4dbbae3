package com.sagemakermlops.components.iam;

import com.sagemakermlops.config.VpcSettings;

import java.util.List;

/**
 * What a role needs so a service (CodeBuild for builds, SageMaker for jobs and endpoints) can place its work in the
 * given VPC: elastic network interfaces in those subnets and security groups only, authorized for that service only.
 */
public final class NetworkInterfaceAccess {
    private NetworkInterfaceAccess() {
    }

    /** @param service the service principal the interfaces are created for, e.g. {@code codebuild.amazonaws.com} */
    public static List<Statement> statements(Arns arns, VpcSettings vpc, String service) {
        var interfaces = arns.regional("ec2", "network-interface/*");
        Statement create = Statement.allow("CreateNetworkInterfacesInSubnets", "ec2:CreateNetworkInterface")
                .on(interfaces);
        vpc.subnetIds().forEach(id -> create.on(arns.regional("ec2", "subnet/" + id)));
        vpc.securityGroupIds().forEach(id -> create.on(arns.regional("ec2", "security-group/" + id)));
        Statement authorize = Statement.allow("AuthorizeNetworkInterfaces", "ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterfacePermission")
                .on(interfaces)
                .when("StringEquals", "ec2:AuthorizedService", service);
        vpc.subnetIds().forEach(id -> authorize.when("ArnEquals", "ec2:Subnet", arns.regional("ec2", "subnet/" + id)));
        return List.of(
                Statement.allow("DescribeNetwork", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                                "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions")
                        .onAnyResourceBecause("EC2 Describe actions have no resource-level permissions"),
                create,
                Statement.allow("DeleteNetworkInterfaces", "ec2:DeleteNetworkInterface").on(interfaces),
                authorize);
    }
}

package com.sagemakermlops.components.training;

import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.VpcSettings;

import java.util.List;

/** What a service needs to place its builds or jobs in the VPC: network interfaces in the given subnets. */
final class VpcAccess {
    private VpcAccess() {
    }

    /** @param service the service principal the interfaces are created for, e.g. {@code codebuild.amazonaws.com} */
    static List<Statement> statements(Arns arns, VpcSettings vpc, String service) {
        Statement manage = Statement.allow("ManageNetworkInterfacesInSubnets",
                        "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface")
                .on(arns.regional("ec2", "network-interface/*"));
        vpc.subnetIds().forEach(id -> manage.on(arns.regional("ec2", "subnet/" + id)));
        vpc.securityGroupIds().forEach(id -> manage.on(arns.regional("ec2", "security-group/" + id)));
        return List.of(
                Statement.allow("DescribeNetwork", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                                "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions")
                        .onAnyResourceBecause("EC2 Describe actions have no resource-level permissions"),
                manage,
                Statement.allow("AuthorizeNetworkInterfaces", "ec2:CreateNetworkInterfacePermission",
                                "ec2:DeleteNetworkInterfacePermission")
                        .on(arns.regional("ec2", "network-interface/*"))
                        .when("StringEquals", "ec2:AuthorizedService", service));
    }
}

package com.sagemakermlops.components.network;

import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.NetworkConfig;
import com.sagemakermlops.naming.Naming;

import java.util.List;

/**
 * Inputs of {@link PrivateNetworking}.
 *
 * @param routeTableIds route tables the S3 gateway endpoint is added to; when empty the endpoint is created without
 *                      routes and the private subnets' route tables must be associated with it afterwards (in the
 *                      VPC's own stack, or by listing them here)
 */
public record PrivateNetworkingArgs(
        Naming naming,
        String partition,
        String region,
        String accountId,
        NetworkConfig network,
        Tags tags,
        List<String> routeTableIds) {

    public PrivateNetworkingArgs {
        routeTableIds = List.copyOf(routeTableIds);
    }

    public static PrivateNetworkingArgs of(Naming naming, String partition, String region, String accountId,
                                           NetworkConfig network, Tags tags) {
        return new PrivateNetworkingArgs(naming, partition, region, accountId, network, tags, List.of());
    }

    public PrivateNetworkingArgs withRouteTables(List<String> ids) {
        return new PrivateNetworkingArgs(naming, partition, region, accountId, network, tags, ids);
    }
}

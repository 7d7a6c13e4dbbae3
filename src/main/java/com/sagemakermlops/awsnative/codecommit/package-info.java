/**
 * A minimal binding of the aws-native provider's {@code aws-native:codecommit:Repository} (CloudFormation
 * {@code AWS::CodeCommit::Repository}), shaped like the generated {@code com.pulumi:aws-native} Java SDK: the same
 * type token, {@code @Import}/{@code @Export} property names, and a {@code com/pulumi/awsnative/plugin.json} resource
 * so the engine installs the pinned aws-native plugin. It exists because {@code com.pulumi:aws-native} is not
 * resolvable from the registry this build uses; replace it with that dependency
 * ({@code com.pulumi.awsnative.codecommit.Repository}) when it becomes resolvable.
 */
package com.sagemakermlops.awsnative.codecommit;

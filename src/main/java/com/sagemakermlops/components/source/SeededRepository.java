package com.sagemakermlops.components.source;

import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.PhysicalName;

import java.util.List;

/**
 * A CodeCommit repository whose first commit is the seed zip, created by CloudFormation: neither pulumi-aws's
 * {@code aws.codecommit.Repository} nor the CodeCommit API can create a repository with code, and aws-native cannot
 * create {@code AWS::CodeCommit::Repository} at all (the type is NON_PROVISIONABLE in Cloud Control), while
 * CloudFormation's own handler supports {@code Code.S3}. The stack runs under a service role that may only manage this
 * repository, read this seed object and use the product key through S3 and CodeCommit, instead of the full
 * credentials of whoever runs {@code pulumi up} (CloudFormation's default, per its "service role" documentation).
 *
 * <p>From terraform-provider-aws {@code internal/service/cloudformation/stack.go} (pulumi-aws's
 * {@code aws.cloudformation.Stack}): {@code name}, {@code onFailure}, {@code disableRollback} and
 * {@code timeoutInMinutes} force a new stack, all fixed here; a changed {@code templateBody} (a new seed version, tags,
 * key) is an {@code UpdateStack}, which leaves the repository's code alone ({@code Code} is write-only and only read
 * at creation); {@code outputs} come back as a map of strings, read after the stack reaches CREATE_COMPLETE.
 * {@code onFailure: DELETE} removes a stack whose creation failed, so the next {@code pulumi up} creates it again
 * instead of meeting a ROLLBACK_COMPLETE stack that CloudFormation can only delete.
 */
public final class SeededRepository {
    /**
     * What CloudFormation does to the repository: the create, read, update and delete handler permissions of the
     * {@code AWS::CodeCommit::Repository} resource schema, less the two a stack of a fixed name without triggers never
     * needs ({@code UpdateRepositoryName}: a new name is a new stack; {@code GetRepositoryTriggers}: read only).
     */
    public static final List<String> REPOSITORY_ACTIONS = List.of("codecommit:CreateRepository",
            "codecommit:CreateCommit", "codecommit:GetRepository", "codecommit:PutRepositoryTriggers",
            "codecommit:UpdateRepositoryDescription", "codecommit:UpdateRepositoryEncryptionKey",
            "codecommit:TagResource", "codecommit:UntagResource", "codecommit:ListTagsForResource",
            "codecommit:DeleteRepository");
    static final String ON_FAILURE = "DELETE";

    /** What CloudFormation reports of the repository it created. */
    record Created(Output<String> arn, Output<String> name, Output<String> cloneUrlHttp) {
    }

    private SeededRepository() {
    }

    static Created create(String name, SeedCodeSourceArgs args, String repositoryName, String seedKey,
                          BucketObjectv2 seed, CustomResourceOptions options) {
        Output<String> repositoryArn = args.product().scope().arns().regional("codecommit", repositoryName);
        Output<String> seedObjectArn = SeedCodeSources.objectArn(args, seedKey);
        String roleName = args.product().naming().physical(PhysicalName.IAM_ROLE, args.folder() + "-repository");
        String stackName = args.product().naming().physical(PhysicalName.CLOUDFORMATION_STACK, args.folder() + "-repository");
        ServiceTrust.Trust trust = ServiceTrust.CLOUDFORMATION.trust(args.product().scope().arns().account(),
                args.product().scope().arns().regional("cloudformation", "stack/" + stackName + "/*"));
        Role role = Roles.create(name + "-repository-role", new Roles.Spec(roleName,
                "Creates the " + args.folder() + " repository through CloudFormation: that repository, its seed "
                        + "object and the product key only",
                trust.policy(), args.product().permissionsBoundary(), trust.tagged(args.product().tags())), options);
        var permissions = Roles.permissions(name + "-repository-role", role,
                serviceRoleStatements(args.product().scope().arns(), repositoryArn, seedObjectArn, args.store().keyArn()), options);

        Output<String> template = Output.tuple(seed.bucket(), seed.versionId(), args.store().keyArn())
                .applyValue(t -> RepositoryTemplate.json(new RepositoryTemplate.Repository(repositoryName,
                        args.folder() + " code of " + args.product().naming().productName(), t.t3, SourceActions.BRANCH,
                        new RepositoryTemplate.Seed(t.t1, seedKey, t.t2), args.product().tags().asMap())));
        Stack stack = new Stack(name, StackArgs.builder()
                .name(stackName)
                .templateBody(template)
                .iamRoleArn(role.arn())
                .onFailure(ON_FAILURE)
                .tags(args.product().tags().asMap())
                .build(), CustomResourceOptions.merge(options,
                CustomResourceOptions.builder().dependsOn(permissions).build()));
        return new Created(output(stack, RepositoryTemplate.ARN_OUTPUT), output(stack, RepositoryTemplate.NAME_OUTPUT),
                output(stack, RepositoryTemplate.CLONE_URL_OUTPUT));
    }

    private static Output<String> output(Stack stack, String key) {
        return stack.outputs().applyValue(outputs -> outputs.get(key));
    }

    /**
     * What CloudFormation does with the role: {@link #REPOSITORY_ACTIONS} on this repository, reading the seed object (SSE-KMS, so {@code kms:Decrypt} through
     * S3), and the KMS actions CodeCommit performs with a customer-managed key (CodeCommit User Guide, "AWS Key
     * Management Service and encryption for AWS CodeCommit repositories").
     */
    static List<Statement> serviceRoleStatements(Arns arns, Output<String> repositoryArn, Output<String> seedObjectArn,
                                                 Output<String> keyArn) {
        return List.of(
                Statement.allow("ManageThisRepository", REPOSITORY_ACTIONS.toArray(String[]::new))
                        .on(repositoryArn),
                Statement.allow("FindRepositories", "codecommit:ListRepositories")
                        .onAnyResourceBecause("ListRepositories supports no resource-level permissions"),
                Statement.allow("ReadSeedCode", "s3:GetObject", "s3:GetObjectVersion").on(seedObjectArn),
                Statement.allow("DecryptSeedCode", "kms:Decrypt").on(keyArn)
                        .when("StringEquals", "kms:ViaService", arns.service("s3")),
                Statement.allow("EncryptRepository", "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
                                "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext",
                                "kms:DescribeKey")
                        .on(keyArn)
                        .when("StringEquals", "kms:ViaService", arns.service("codecommit")));
    }
}

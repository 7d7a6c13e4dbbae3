package com.sagemakermlops.awsnative.codecommit;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;

/** A CodeCommit repository, optionally with a first commit from a zip in S3 ({@code AWS::CodeCommit::Repository}). */
@ResourceType(type = "aws-native:codecommit:Repository")
public class Repository extends com.pulumi.resources.CustomResource {
    public static final String TYPE = "aws-native:codecommit:Repository";

    @Export(name = "arn", refs = {String.class}, tree = "[0]")
    private Output<String> arn;

    @Export(name = "awsId", refs = {String.class}, tree = "[0]")
    private Output<String> awsId;

    @Export(name = "cloneUrlHttp", refs = {String.class}, tree = "[0]")
    private Output<String> cloneUrlHttp;

    @Export(name = "cloneUrlSsh", refs = {String.class}, tree = "[0]")
    private Output<String> cloneUrlSsh;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "repositoryName", refs = {String.class}, tree = "[0]")
    private Output<String> repositoryName;

    public Repository(String name, RepositoryArgs args) {
        this(name, args, null);
    }

    public Repository(String name, RepositoryArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, args, withPluginVersion(options), false);
    }

    public Output<String> arn() {
        return arn;
    }

    /** The repository id (CloudFormation {@code Id}). */
    public Output<String> awsId() {
        return awsId;
    }

    public Output<String> cloneUrlHttp() {
        return cloneUrlHttp;
    }

    public Output<String> cloneUrlSsh() {
        return cloneUrlSsh;
    }

    /** The repository name (CloudFormation {@code Name} attribute). */
    public Output<String> name() {
        return name;
    }

    public Output<String> repositoryName() {
        return repositoryName;
    }

    private static CustomResourceOptions withPluginVersion(@Nullable CustomResourceOptions options) {
        var defaults = CustomResourceOptions.builder().version(AwsNativePlugin.version()).build();
        return CustomResourceOptions.merge(defaults, options);
    }
}

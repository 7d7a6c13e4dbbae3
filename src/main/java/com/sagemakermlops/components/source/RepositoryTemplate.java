package com.sagemakermlops.components.source;

import com.sagemakermlops.components.JsonText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation template of one seeded CodeCommit repository: an {@code AWS::CodeCommit::Repository} encrypted
 * with the product key whose first commit is a zip in S3 ({@code Code.S3}, on {@code Code.BranchName}), and its ARN,
 * name and HTTPS clone URL as stack outputs. CloudFormation reads {@code Code} only when it creates the repository
 * (the resource schema: "Information about code is only used in resource creation").
 */
final class RepositoryTemplate {
    static final String RESOURCE = "Repository";
    static final String TYPE = "AWS::CodeCommit::Repository";
    static final String ARN_OUTPUT = "RepositoryArn";
    static final String NAME_OUTPUT = "RepositoryName";
    static final String CLONE_URL_OUTPUT = "CloneUrlHttp";

    /** The zip of the first commit: a version of an object in S3. */
    record Seed(String bucket, String key, String objectVersion) {
    }

    /**
     * @param keyArn    the customer-managed key the repository is encrypted with (without it CodeCommit uses the
     *                  AWS-managed {@code aws/codecommit} key)
     */
    record Repository(String name, String description, String keyArn, String branch, Seed seed,
                      Map<String, String> tags) {
    }

    private RepositoryTemplate() {
    }

    static String json(Repository repository) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", repository.description());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("Type", TYPE);
        resource.put("Properties", properties(repository));
        template.put("Resources", Map.of(RESOURCE, resource));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(ARN_OUTPUT, attribute("Arn"));
        outputs.put(NAME_OUTPUT, attribute("Name"));
        outputs.put(CLONE_URL_OUTPUT, attribute("CloneUrlHttp"));
        template.put("Outputs", outputs);
        return JsonText.of(template);
    }

    private static Map<String, Object> properties(Repository repository) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("Bucket", repository.seed().bucket());
        s3.put("Key", repository.seed().key());
        s3.put("ObjectVersion", repository.seed().objectVersion());
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("BranchName", repository.branch());
        code.put("S3", s3);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("RepositoryName", repository.name());
        properties.put("RepositoryDescription", repository.description());
        properties.put("KmsKeyId", repository.keyArn());
        properties.put("Code", code);
        properties.put("Tags", repository.tags().entrySet().stream()
                .map(RepositoryTemplate::tag)
                .toList());
        return properties;
    }

    private static Map<String, String> tag(Map.Entry<String, String> tag) {
        Map<String, String> pair = new LinkedHashMap<>();
        pair.put("Key", tag.getKey());
        pair.put("Value", tag.getValue());
        return pair;
    }

    private static Map<String, Object> attribute(String name) {
        return Map.of("Value", Map.of("Fn::GetAtt", List.of(RESOURCE, name)));
    }
}

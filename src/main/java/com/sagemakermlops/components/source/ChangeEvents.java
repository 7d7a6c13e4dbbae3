package com.sagemakermlops.components.source;

import com.sagemakermlops.components.JsonText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EventBridge event patterns of source changes that should start a pipeline. */
final class ChangeEvents {
    private ChangeEvents() {
    }

    /** A branch of the repository was created or moved (a push). */
    static String codeCommitBranchChanged(String repositoryArn, String branch) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("event", List.of("referenceCreated", "referenceUpdated"));
        detail.put("referenceType", List.of("branch"));
        detail.put("referenceName", List.of(branch));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.codecommit"));
        pattern.put("detail-type", List.of("CodeCommit Repository State Change"));
        pattern.put("resources", List.of(repositoryArn));
        pattern.put("detail", detail);
        return json(pattern);
    }

    /** A new version of the object was written (needs the bucket's EventBridge notifications). */
    static String s3ObjectCreated(String bucket, String key) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("bucket", Map.of("name", List.of(bucket)));
        detail.put("object", Map.of("key", List.of(key)));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.s3"));
        pattern.put("detail-type", List.of("Object Created"));
        pattern.put("detail", detail);
        return json(pattern);
    }

    private static String json(Map<String, Object> pattern) {
        return JsonText.of(pattern);
    }
}

package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.StackPolicy;
import com.sagemakermlops.policy.UnknownValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No two pipelines of the stack keep their artifacts in the same folder of the same bucket. CodePipeline names a
 * pipeline's folder of its artifact store after the first {@value #FOLDER_LENGTH} characters of the pipeline's name
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/troubleshooting.html, "Pipeline artifact folder names
 * appear to be truncated"; https://repost.aws/questions/QUI91tw7A9SUOMohJurNqmgA), so pipelines whose names share
 * those characters read and write each other's artifacts, and a policy scoped to one pipeline's folder grants the
 * other's.
 */
public final class CodePipelineDistinctArtifactFolders extends StackPolicy {
    static final int FOLDER_LENGTH = 20;

    public CodePipelineDistinctArtifactFolders() {
        super("codepipeline-distinct-artifact-folders",
                "Pipelines sharing an artifact bucket have distinct artifact folders (the first 20 characters of "
                        + "their names).",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Name the pipelines so that their first 20 characters differ (e.g. the purpose first), or give "
                        + "each its own artifact bucket.",
                List.of(), Set.of(Types.CODEPIPELINE));
    }

    @Override
    public void check(List<PolicyResource> resources, PolicySettings settings, Sink sink) {
        Map<String, List<PolicyResource>> byFolder = new LinkedHashMap<>();
        for (PolicyResource pipeline : resources) {
            if (!pipeline.type().equals(Types.CODEPIPELINE)) {
                continue;
            }
            Props p = new Props(pipeline.properties());
            try {
                String name = p.string("name");
                if (name == null) {
                    continue; // the engine's auto-name (logical name and a random suffix) is set before analysis
                }
                String folder = name.substring(0, Math.min(name.length(), FOLDER_LENGTH));
                for (Props store : p.objects("artifactStores")) {
                    String bucket = store.string("location");
                    if (bucket != null) {
                        byFolder.computeIfAbsent(bucket + "/" + folder, k -> new ArrayList<>()).add(pipeline);
                    }
                }
            } catch (UnknownValueException e) {
                sink.undetermined(pipeline, e.property());
            }
        }
        byFolder.forEach((folder, pipelines) -> {
            if (pipelines.size() > 1) {
                sink.violation(pipelines.get(0), "shares the artifact folder s3://" + folder + "/ with "
                        + pipelines.subList(1, pipelines.size()).stream().map(PolicyResource::name).toList()
                        + ": CodePipeline names the folder after the first " + FOLDER_LENGTH
                        + " characters of the pipeline name");
            }
        });
    }
}

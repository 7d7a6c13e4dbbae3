package com.sagemakermlops.components.source;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sagemakermlops.testing.CloudFormationSchemas;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded repository's template, against the CloudFormation registry schema of AWS::CodeCommit::Repository. */
class RepositoryTemplateTest {
    static final String KEY = "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final RepositoryTemplate.Repository REPOSITORY = new RepositoryTemplate.Repository(
            "globalbank-prod-c001-us-west-2-fraud-detection-ml-model-build",
            "model-build code of globalbank-prod-c001-us-west-2-fraud-detection-ml", KEY, "main",
            new RepositoryTemplate.Seed("globalbank-prod-c001-us-west-2-fraud-detection-ml-models",
                    "seed-code/globalbank-prod-c001-us-west-2-fraud-detection-ml-model-build.zip",
                    "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"),
            Map.of("product", "globalbank-prod-c001-us-west-2-fraud-detection-ml", "sagemaker:project-name", "fraud"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template() {
        return new Gson().fromJson(RepositoryTemplate.json(REPOSITORY), LinkedHashMap.class);
    }

    /** The template with one change to its repository's properties. */
    @SuppressWarnings("unchecked")
    private static String withProperties(Consumer<Map<String, Object>> change) {
        Map<String, Object> template = template();
        var resources = (Map<String, Map<String, Object>>) template.get("Resources");
        change.accept((Map<String, Object>) resources.get(RepositoryTemplate.RESOURCE).get("Properties"));
        return new GsonBuilder().create().toJson(template);
    }

    @Test
    void theTemplateIsValidByTheResourceSchema() {
        assertThat(CloudFormationSchemas.problems(RepositoryTemplate.json(REPOSITORY))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRepositoryIsEncryptedSeededAndTaggedAndItsArnNameAndCloneUrlAreOutputs() {
        Map<String, Object> template = template();
        var resource = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get(RepositoryTemplate.RESOURCE);
        assertThat(resource.get("Type")).isEqualTo("AWS::CodeCommit::Repository");
        var properties = (Map<String, Object>) resource.get("Properties");
        assertThat(properties).containsEntry("KmsKeyId", KEY).containsEntry("Code", Map.of("BranchName", "main",
                "S3", Map.of("Bucket", REPOSITORY.seed().bucket(), "Key", REPOSITORY.seed().key(),
                        "ObjectVersion", REPOSITORY.seed().objectVersion())));
        assertThat((List<Object>) properties.get("Tags")).containsExactlyInAnyOrder(
                Map.of("Key", "product", "Value", "globalbank-prod-c001-us-west-2-fraud-detection-ml"),
                Map.of("Key", "sagemaker:project-name", "Value", "fraud"));
        assertThat(((Map<String, Object>) template.get("Outputs")).keySet())
                .containsExactly("RepositoryArn", "RepositoryName", "CloneUrlHttp");
    }

    @Test
    void theSchemaCheckFailsOnEachPlantedMistake() {
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.put("KmsKeyID", p.remove("KmsKeyId")))))
                .anyMatch(problem -> problem.contains("KmsKeyID"));
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.put("Code", Map.of("S3",
                Map.of("Bucket", REPOSITORY.seed().bucket()))))))
                .anyMatch(problem -> problem.contains("Key"));
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.remove("RepositoryName"))))
                .anyMatch(problem -> problem.contains("RepositoryName"));
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.put("RepositoryName", "r".repeat(101)))))
                .anyMatch(problem -> problem.contains("RepositoryName"));
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.put("Arn", "arn:aws:codecommit:x"))))
                .contains("Repository: Arn is read-only in AWS::CodeCommit::Repository");
        assertThat(CloudFormationSchemas.problems(withProperties(p -> p.put("Tags", List.of(Map.of("Key", "k"))))))
                .anyMatch(problem -> problem.contains("Value"));
        assertThat(CloudFormationSchemas.problems(RepositoryTemplate.json(REPOSITORY).replace("\"CloneUrlHttp\"]",
                "\"CloneUrl\"]"))).contains("output CloneUrlHttp: Repository.CloneUrl is not an attribute of that resource");
        assertThat(CloudFormationSchemas.problems(RepositoryTemplate.json(REPOSITORY)
                .replace("AWS::CodeCommit::Repository", "AWS::CodeCommit::Repo")))
                .anyMatch(problem -> problem.contains("no published schema of type 'AWS::CodeCommit::Repo'"));
    }
}

package com.sagemakermlops.components.monitoring;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineDashboardTest {
    private static final Naming NAMING = new Naming(new Product("acme", "dev", "c001", "churn"), TestStacks.REGION);
    private static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

    @Test
    void dashboardShowsEveryPipelineProjectAndTheApprovalRule() {
        Recording recording = run(Optional.of(Output.of("churn-model-approved")));

        RecordedResource dashboard = recording.ofType(DASHBOARD).get(0);
        Map<String, Object> inputs = dashboard.inputValues();
        String expectedName = NAMING.physical(PhysicalName.DASHBOARD, "pipelines");
        assertThat(inputs).containsEntry("dashboardName", expectedName);
        assertThat(inputs.get("dashboardBody")).isEqualTo(DashboardBody.of(TestStacks.REGION,
                List.of("churn-build", "churn-deploy"), List.of("churn-train", "churn-deploy-prod"),
                Optional.of("churn-model-approved")));
        assertThat(new Gson().fromJson(String.valueOf(inputs.get("dashboardBody")), Map.class)).containsKey("widgets");
        assertThat(recording.outputs()).containsEntry("dashboardName", expectedName);
        RecordedResource component = recording.ofType(PipelineDashboard.TYPE).get(0);
        assertThat(dashboard.parent()).contains(component.urn());
    }

    @Test
    void withoutRuleTheBodyHasNoEventMetrics() {
        Recording recording = run(Optional.empty());

        assertThat(String.valueOf(recording.ofType(DASHBOARD).get(0).inputValues().get("dashboardBody")))
                .doesNotContain("AWS/Events").contains("AWS/CodeBuild");
    }

    private static Recording run(Optional<Output<String>> rule) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            var dashboard = new PipelineDashboard("pipelines", new PipelineDashboardArgs(new ProductContext(NAMING,
                    Tags.of(NAMING.productName(), "professional", "dev", "churn", Optional.empty(), Optional.empty()),
                    TestStores.TOOLING, Tier.PROFESSIONAL, Optional.empty()),
                    List.of(Output.of("churn-build"), Output.of("churn-deploy")),
                    List.of(Output.of("churn-train"), Output.of("churn-deploy-prod")), rule), null);
            ctx.export("dashboardName", dashboard.dashboardName());
        });
        assertThat(recording.errors()).isEmpty();
        return recording;
    }
}

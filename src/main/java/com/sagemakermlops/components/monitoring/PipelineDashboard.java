package com.sagemakermlops.components.monitoring;

import com.sagemakermlops.components.ProductParameter;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.naming.PhysicalName;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudWatch dashboard of the ML pipelines (Professional and up): pipeline failures, build counts, failures and
 * durations per project, and model approvals. CloudWatch dashboards take no tags.
 */
public final class PipelineDashboard extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:monitoring:PipelineDashboard";

    private final Output<String> dashboardName;

    public PipelineDashboard(String name, PipelineDashboardArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Output<Optional<String>> rule = args.approvalRuleName()
                .map(r -> r.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        Output<String> body = Output.tuple(Output.all(args.pipelineNames()), Output.all(args.projectNames()), rule)
                .applyValue(t -> DashboardBody.of(args.product().scope().region(), t.t1, t.t2, t.t3));
        var dashboard = new Dashboard(name + "-pipelines", DashboardArgs.builder()
                .dashboardName(args.product().naming().physical(PhysicalName.DASHBOARD, "pipelines"))
                .dashboardBody(body)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.dashboardName = dashboard.dashboardName();
        ProductParameter.create(name, "DashboardName", dashboardName, args.product(),
                ProductParameter.describedAs("DashboardName", args.product()),
                CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("dashboardName", dashboardName));
    }

    public Output<String> dashboardName() {
        return dashboardName;
    }
}

package com.sagemakermlops.contract;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.sagemakermlops.config.TargetEnvironment.Stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a hosting stack reads from its tooling stack, the one place its names and shapes live: each component
 * (or member of a group) is one output of the tooling stack, named as the component. {@code environments} is an
 * object keyed by stage id ({@code preprod}, {@code prod}) whose entries are {@link StageExports}.
 *
 * @param product      the product and the tooling account and region
 * @param store        the key, bucket and registry the hosting stacks use
 * @param environments the stages the tooling stack deploys to, each with its account, roles and endpoint settings
 */
public record ToolingExports(ProductExports product, StoreExports store,
                             Output<Map<Stage, StageExports>> environments) {

    /** Exports every output of this contract from the tooling stack. */
    public void exportTo(Context ctx) {
        ExportCodec.write(this, ctx::export);
    }

    /**
     * The outputs of the referenced tooling stack. An output that is missing, or not what this program reads, fails
     * the run with its path rather than deploying blind.
     */
    public static ToolingExports readFrom(StackReference tooling) {
        return ExportCodec.read(ToolingExports.class, name -> tooling.requireOutput(name).applyValue(v -> (Object) v));
    }

    /** The {@code stage} entry of {@code environments}, or a failure that says which tooling setting adds it. */
    public Output<StageExports> stage(Stage stage) {
        return environments.applyValue(all -> {
            StageExports entry = all.get(stage);
            if (entry == null) {
                throw new IllegalStateException("the tooling stack exports no environments." + stage.id()
                        + ": configure " + stage.configKey() + " in the tooling stack and update it first");
            }
            return entry;
        });
    }

    /** The {@code environments} output of the stages' entries, in the order given. */
    public static Output<Map<Stage, StageExports>> environments(Map<Stage, Output<StageExports>> stages) {
        List<Stage> order = new ArrayList<>(stages.keySet());
        return Output.all(order.stream().map(stages::get).toList()).applyValue(entries -> {
            Map<Stage, StageExports> all = new LinkedHashMap<>();
            for (int i = 0; i < order.size(); i++) {
                all.put(order.get(i), entries.get(i));
            }
            return all;
        });
    }

    /**
     * How stack outputs given as plain values (a plan's {@code outputs}) differ from what a hosting stack reads: one
     * problem per output, each with its path ({@code environments.preprod.accountId: expected a non-empty string,
     * got nothing}); none when they match.
     */
    public static List<String> problems(Map<?, ?> outputs) {
        List<String> problems = new ArrayList<>();
        ExportCodec.check(ToolingExports.class, outputs, problems);
        return problems;
    }

    /**
     * The {@code environments} of plain stack outputs that {@link #problems} found nothing wrong with, decoded.
     *
     * @throws IllegalArgumentException when they are not what a hosting stack reads
     */
    @SuppressWarnings("unchecked")
    public static Map<Stage, StageExports> environmentsOf(Map<?, ?> outputs) {
        List<String> problems = new ArrayList<>();
        Object decoded = ExportCodec.decode(ExportCodec.outputTypeOf(ToolingExports.class, "environments"),
                outputs.get("environments"), "environments", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return (Map<Stage, StageExports>) decoded;
    }
}

package com.sagemakermlops.cli;

import com.sagemakermlops.plan.PlanDiff;
import com.sagemakermlops.plan.PlanDiffText;
import com.sagemakermlops.plan.PlanFile;
import com.sagemakermlops.plan.PlannedResource;
import com.sagemakermlops.plan.ReplaceForcing;
import com.sagemakermlops.plan.ReplacementHazard;
import com.sagemakermlops.plan.ResourceChange;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan keeps of each stack once it is planned: its part of the printed report, its totals, its changes
 * against the base plan ({@code --against}), its findings for {@code --sarif} and its part of the {@code --json}
 * plan (written as it comes). Only {@code --graph} keeps whole recordings, so a run of many stacks holds little more
 * than the stacks being planned.
 */
final class PlanResults implements AutoCloseable {
    private final PlanOptions options;
    private final Optional<BasePlan> base;
    private final PlanJson json;
    private final SarifReport sarif;
    private final List<String> report = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private final List<StackPlan> graphed = new ArrayList<>();
    private PlanReport.Totals totals = PlanReport.Totals.NONE;

    /** Reads the base plan of {@code --against} and opens the {@code --json} plan, when they are asked for. */
    PlanResults(PlanOptions options, Path projectDir) {
        this.options = options;
        this.base = options.against().map(BasePlan::read);
        this.sarif = new SarifReport(projectDir);
        this.json = options.json().isPresent() ? new PlanJson() : null;
    }

    /** Takes in one planned stack. */
    void add(StackPlan plan) {
        report.add(PlanReport.of(plan));
        totals = totals.plus(PlanReport.Totals.of(plan));
        base.ifPresent(against -> changes.addAll(against.changes(plan)));
        if (json != null) {
            json.add(plan);
        }
        if (options.sarif().isPresent()) {
            sarif.add(plan);
        }
        if (options.graph().isPresent()) {
            graphed.add(plan);
        }
    }

    /**
     * Prints the report, the summary and the changes, writes the files asked for; returns the exit code: 1 when a
     * mandatory finding blocks, else 0.
     */
    int finish(PrintStream out) {
        report.forEach(out::print);
        out.println(PlanReport.summary(totals));
        changes.forEach(out::println);
        if (json != null) {
            json.writeTo(options.json().get());
        }
        options.graph().ifPresent(file -> CliFiles.write(file, MermaidGraph.render(graphed)));
        options.sarif().ifPresent(file -> CliFiles.write(file, sarif.render()));
        return totals.mandatory() > 0 ? 1 : 0;
    }

    /** Removes the partial {@code --json} plan of a run that did not finish. */
    @Override
    public void close() {
        if (json != null) {
            json.close();
        }
    }

    /** The plan of {@code --against}, by stack, and how to tell what a stack changes against it. */
    private record BasePlan(Map<String, List<PlannedResource>> stacks, ReplaceForcing replaceForcing) {
        static BasePlan read(Path file) {
            try {
                return new BasePlan(PlanFile.read(CliFiles.read(file, "--against " + file, CliFiles.PLAN_BYTES)), ReplaceForcing.standard());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--against " + file + ": " + e.getMessage());
            }
        }

        /** What {@code plan} changes against the same stack of the base plan: a blank line, then its lines. */
        List<String> changes(StackPlan plan) {
            List<PlannedResource> after = plan.recording().resources().stream().map(PlannedResource::of).toList();
            List<ResourceChange> changes = new PlanDiff(replaceForcing)
                    .between(stacks.getOrDefault(plan.stack(), List.of()), after);
            List<String> lines = new ArrayList<>(List.of(""));
            lines.addAll(PlanDiffText.lines(plan.stack(), changes, ReplacementHazard.in(changes, after, replaceForcing)));
            return lines;
        }
    }
}

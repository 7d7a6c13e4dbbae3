package com.sagemakermlops.awsnative.codecommit.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/** A repository trigger to an SNS topic or Lambda function ({@code AWS::CodeCommit::Repository RepositoryTrigger}). */
public final class RepositoryTriggerArgs extends com.pulumi.resources.ResourceArgs {
    @Import(name = "branches")
    private @Nullable Output<List<String>> branches;

    @Import(name = "customData")
    private @Nullable Output<String> customData;

    @Import(name = "destinationArn", required = true)
    private Output<String> destinationArn;

    @Import(name = "events", required = true)
    private Output<List<String>> events;

    @Import(name = "name", required = true)
    private Output<String> name;

    private RepositoryTriggerArgs() {
    }

    /** A trigger named {@code name} sending {@code events} (e.g. {@code all}) to {@code destinationArn}. */
    public static RepositoryTriggerArgs of(String name, Output<String> destinationArn, List<String> events,
                                          List<String> branches) {
        RepositoryTriggerArgs trigger = new RepositoryTriggerArgs();
        trigger.name = Output.of(name);
        trigger.destinationArn = destinationArn;
        trigger.events = Output.of(List.copyOf(events));
        trigger.branches = branches.isEmpty() ? null : Output.of(List.copyOf(branches));
        return trigger;
    }

    public Optional<Output<List<String>>> branches() {
        return Optional.ofNullable(branches);
    }

    public Optional<Output<String>> customData() {
        return Optional.ofNullable(customData);
    }

    public Output<String> destinationArn() {
        return destinationArn;
    }

    public Output<List<String>> events() {
        return events;
    }

    public Output<String> name() {
        return name;
    }
}

package com.sagemakermlops.config;

import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a stack configuration, reported together before any resource is registered. */
public final class InvalidConfigException extends RunException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}

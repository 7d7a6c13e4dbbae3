package com.sagemakermlops.cli;

import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;

import java.nio.file.Path;
import java.util.List;

/**
 * One planned stack: its stack file and configuration, what the program registered, and the policy findings on it.
 */
record StackPlan(String stack, Path file, StackConfig config, Recording recording, List<PolicyFinding> findings,
                 List<String> notes) {

    long blocking() {
        return findings.stream().filter(PolicyFinding::blocking).count();
    }
}

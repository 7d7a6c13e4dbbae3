package com.sagemakermlops.plan;

import java.util.List;
import java.util.Optional;

/**
 * What a change does to one resource, the way {@code pulumi preview} would show it.
 *
 * @param changedInputs   the input paths whose value differs ({@code productionVariants[0].instanceType})
 * @param replacingInputs those of them that force the replacement (empty when something else forces it)
 * @param replacedWith    why it is replaced when no input of its own forces it: its provider is replaced, or it
 *                        depends on a resource deleted before its replacement
 * @param deletesFirst    for a replacement: the old one is deleted before the new one is created
 * @param retained        for a replacement or removal: the old one is only forgotten, it stays in AWS
 * @param before          the resource in the plan before the change (empty when added)
 * @param after           the resource in the plan after the change (empty when removed)
 */
public record ResourceChange(String urn, String type, String name, Kind kind, List<String> changedInputs,
                             List<String> replacingInputs, Optional<String> replacedWith, boolean deletesFirst,
                             boolean retained, Optional<PlannedResource> before, Optional<PlannedResource> after) {

    public enum Kind {
        ADDED("+", "create"), UPDATED("~", "update"), REPLACED("+-", "replace"), REMOVED("-", "delete");

        private final String symbol;
        private final String verb;

        Kind(String symbol, String verb) {
            this.symbol = symbol;
            this.verb = verb;
        }

        public String symbol() {
            return symbol;
        }

        public String verb() {
            return verb;
        }
    }

    public ResourceChange {
        changedInputs = List.copyOf(changedInputs);
        replacingInputs = List.copyOf(replacingInputs);
    }
}

package com.sagemakermlops.policy;

import com.sagemakermlops.policy.rules.Rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy pack: resource policies, stack policies and the evaluation core shared by the in-process
 * front door ({@link #evaluate}) and the analyzer plugin (which calls {@link #evaluateResource} per
 * resource and {@link #evaluateStack} once for the whole stack).
 */
public final class PolicyPack {
    public static final String NAME = "sagemaker-mlops";
    public static final String VERSION = "0.1.0";
    /** Tag key prefix of a suppression; the rest of the key is a policy name or covered rule id. */
    public static final String SUPPRESSION_TAG_PREFIX = "mlops:suppress:";
    public static final int MIN_REASON_LENGTH = 10;
    /** Start of the message of a finding whose policy could not decide (unknown value or failure). */
    public static final String UNDETERMINED_PREFIX = "could not be evaluated: ";

    /**
     * What a finding says when its policy failed on the resource's values: the failure's own text could carry the
     * values (secrets among them), so it is not repeated.
     */
    static final String FAILED = "the policy could not read this resource's properties";
    /** The longest finding message; longer ones are cut (a message may quote a property). */
    public static final int MAX_MESSAGE_LENGTH = 2_000;

    private static final PolicyPack STANDARD = new PolicyPack(Rules.all());

    private final List<Policy> policies;

    public PolicyPack(List<Policy> policies) {
        Set<String> names = new HashSet<>();
        for (Policy p : policies) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("duplicate policy name " + p.name());
            }
        }
        this.policies = List.copyOf(policies);
    }

    /** Every policy of this pack. */
    public static PolicyPack standard() {
        return STANDARD;
    }

    public List<Policy> policies() {
        return policies;
    }

    public Optional<Policy> policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** True when some policy of the pack answers to {@code id} (its name or a covered rule id). */
    public boolean knows(String id) {
        return policies.stream().anyMatch(p -> p.answersTo(id));
    }

    /** Evaluates every resource policy on every resource, then the stack policies. */
    public List<PolicyFinding> evaluate(List<PolicyResource> resources, PolicyPackConfig config) {
        List<PolicyFinding> out = new ArrayList<>();
        for (PolicyResource r : resources) {
            out.addAll(evaluateResource(r, config));
        }
        out.addAll(evaluateStack(resources, config));
        return out;
    }

    /** Evaluates the resource policies on one resource. */
    public List<PolicyFinding> evaluateResource(PolicyResource resource, PolicyPackConfig config) {
        PolicyPackConfig cfg = config == null ? PolicyPackConfig.defaults() : config;
        Collector collector = new Collector();
        Props props = new Props(resource.properties());
        for (Policy p : policies) {
            if (p.isStackPolicy() || !p.appliesTo(resource.type())) {
                continue;
            }
            EnforcementLevel level = cfg.levelFor(p);
            if (level == EnforcementLevel.DISABLED) {
                continue;
            }
            ResourcePolicy policy = (ResourcePolicy) p;
            Policy.Sink sink = collector.sinkFor(p, level);
            try {
                policy.check(resource, props, cfg.settingsFor(p), sink);
            } catch (UnknownValueException e) {
                sink.undetermined(resource, e.property());
            } catch (RuntimeException e) {
                collector.add(p, level, resource, UNDETERMINED_PREFIX + FAILED);
            }
        }
        return collector.finish();
    }

    /** Evaluates the stack policies over all resources of a stack. */
    public List<PolicyFinding> evaluateStack(List<PolicyResource> resources, PolicyPackConfig config) {
        PolicyPackConfig cfg = config == null ? PolicyPackConfig.defaults() : config;
        Collector collector = new Collector();
        for (Policy p : policies) {
            if (!p.isStackPolicy()) {
                continue;
            }
            EnforcementLevel level = cfg.levelFor(p);
            if (level == EnforcementLevel.DISABLED) {
                continue;
            }
            try {
                ((StackPolicy) p).check(resources, cfg.settingsFor(p), collector.sinkFor(p, level));
            } catch (RuntimeException e) {
                PolicyResource first = resources.isEmpty() ? null : resources.get(0);
                if (first != null) {
                    collector.add(p, level, first, UNDETERMINED_PREFIX + FAILED);
                }
            }
        }
        return collector.finish();
    }

    /** Gathers raw findings, then applies suppressions and secret redaction (each read once per resource). */
    private final class Collector {
        private final List<Raw> raw = new ArrayList<>();

        Policy.Sink sinkFor(Policy policy, EnforcementLevel level) {
            return new Policy.Sink() {
                @Override
                public void violation(PolicyResource resource, String message) {
                    add(policy, level, resource, message);
                }

                @Override
                public void undetermined(PolicyResource resource, String property) {
                    add(policy, EnforcementLevel.ADVISORY, resource,
                            UNDETERMINED_PREFIX + property + " is unknown during preview");
                }
            };
        }

        void add(Policy policy, EnforcementLevel level, PolicyResource resource, String message) {
            raw.add(new Raw(policy, new PolicyFinding(policy.name(), level, policy.severity(), resource.urn(),
                    resource.type(), resource.name(), message, false, null), resource));
        }

        List<PolicyFinding> finish() {
            List<PolicyFinding> out = new ArrayList<>();
            Map<PolicyResource, List<Suppressions.Suppression>> suppressions = new IdentityHashMap<>();
            Map<PolicyResource, SecretRedactor> redactors = new IdentityHashMap<>();
            for (Raw r : raw) {
                PolicyFinding f = r.finding();
                SecretRedactor redactor = redactors.computeIfAbsent(r.resource(), SecretRedactor::of);
                if (r.policy().suppressible()) {
                    for (Suppressions.Suppression s : suppressions.computeIfAbsent(r.resource(), Suppressions::of)) {
                        if (s.valid() && r.policy().answersTo(s.id())) {
                            f = f.suppress(bounded(redactor.redact(s.reason())));
                            break;
                        }
                    }
                }
                out.add(f.withMessage(bounded(redactor.redact(f.message()))));
            }
            return out;
        }
    }

    /** The text on one line, control characters escaped, at most {@link #MAX_MESSAGE_LENGTH} characters. */
    private static String bounded(String text) {
        String line = Printable.of(text);
        return line.length() <= MAX_MESSAGE_LENGTH ? line
                : line.substring(0, MAX_MESSAGE_LENGTH) + "... (" + (line.length() - MAX_MESSAGE_LENGTH)
                + " more characters)";
    }

    private record Raw(Policy policy, PolicyFinding finding, PolicyResource resource) {
    }
}

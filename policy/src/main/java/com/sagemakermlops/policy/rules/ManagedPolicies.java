package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.UnknownValueException;
import com.sagemakermlops.policy.iam.ArnText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Managed policy ARNs attached to roles (managedPolicyArns or RolePolicyAttachment.policyArn). */
final class ManagedPolicies {
    static final Set<String> TYPES = Set.of(Types.IAM_ROLE, Types.IAM_ROLE_POLICY_ATTACHMENT);

    /** An attached ARN and the property it came from. */
    record Attached(String property, String arn) {
    }

    private ManagedPolicies() {
    }

    /** Known ARNs attached by the resource; unknown entries are returned in {@code unknown}. */
    private static List<Attached> of(PolicyResource r, Props p, List<String> unknown) {
        List<Attached> out = new ArrayList<>();
        String key = r.type().equals(Types.IAM_ROLE) ? "managedPolicyArns" : "policyArn";
        if (p.isUnknown(key)) {
            unknown.add(key);
            return out;
        }
        List<Object> items = r.type().equals(Types.IAM_ROLE) ? p.list(key) : List.of(p.raw(key) == null ? "" : p.raw(key));
        for (int i = 0; i < items.size(); i++) {
            String property = r.type().equals(Types.IAM_ROLE) ? key + "[" + i + "]" : key;
            Object v = items.get(i);
            if (v == com.sagemakermlops.policy.PropertyValues.UNKNOWN) {
                unknown.add(property);
            } else if (v != null && !String.valueOf(v).isBlank()) {
                out.add(new Attached(property, String.valueOf(v)));
            }
        }
        return out;
    }

    /**
     * Reports every attached ARN that {@code problem} finds wrong, completing "PROPERTY attaches ..."
     * (null when fine); an unknown ARN then makes the check undetermined.
     */
    static void report(PolicyResource r, Props p, Policy.Sink sink, Function<String, String> problem) {
        List<String> unknown = new ArrayList<>();
        for (Attached a : of(r, p, unknown)) {
            String attaches = problem.apply(a.arn());
            if (attaches != null) {
                sink.violation(r, a.property() + " attaches " + attaches);
            }
        }
        throwFirstUnknown(unknown);
    }

    /** The policy name of an AWS-managed policy ARN ({@code arn:aws:iam::aws:policy/[path/]Name}), or null. */
    static String awsManagedName(String arn) {
        return ArnText.parse(arn).filter(ArnText::awsManagedPolicy)
                .map(a -> a.resourceAsString().substring(a.resourceAsString().lastIndexOf('/') + 1))
                .orElse(null);
    }

    /** True for AdministratorAccess*, PowerUserAccess and *FullAccess* AWS-managed policies. */
    static boolean isAdminOrFullAccess(String arn) {
        String name = awsManagedName(arn);
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("administratoraccess") || n.equals("poweruseraccess") || n.contains("fullaccess");
    }

    private static void throwFirstUnknown(List<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new UnknownValueException(unknown.get(0));
        }
    }
}

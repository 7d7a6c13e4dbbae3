package com.sagemakermlops.components.security;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.BoundaryDocument;
import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.naming.PhysicalName;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The customer-managed policy set as permissions boundary on every role of the product (Enterprise); see
 * {@link BoundaryStatements} for what it allows and denies.
 */
public final class PermissionBoundary extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:security:PermissionBoundary";

    private final Output<String> policyArn;

    public PermissionBoundary(String name, PermissionBoundaryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Policy policy = new Policy(name, PolicyArgs.builder()
                .name(policyName(args))
                .description("Permissions boundary of every role of " + args.naming().productName())
                .policy(document(args).applyValue(d -> ManagedPolicyLimit.within("the permissions boundary", d)))
                .tags(args.tags().asMap())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.policyArn = policy.arn();
        registerOutputs(Map.of("policyArn", policyArn));
    }

    public Output<String> policyArn() {
        return policyArn;
    }

    /**
     * How many characters the boundary of {@code args} would have beyond what IAM accepts for a managed policy, when
     * it would not fit; known before any resource, as every part of the document is.
     */
    public static OptionalInt excessCharacters(PermissionBoundaryArgs args) {
        OutputData<String> rendered = Internal.of(document(args)).getDataAsync().getNow(null);
        if (rendered == null || !rendered.isKnown()) {
            return OptionalInt.empty();
        }
        int excess = rendered.getValueNullable().length() - ManagedPolicyLimit.CHARACTERS;
        return excess > 0 ? OptionalInt.of(excess) : OptionalInt.empty();
    }

    private static String policyName(PermissionBoundaryArgs args) {
        return args.naming().physical(PhysicalName.IAM_POLICY, "permission-boundary");
    }

    private static Output<String> document(PermissionBoundaryArgs args) {
        // The boundary names itself (roles may only carry this boundary), so its ARN is built before it exists.
        Output<String> ownArn = Output.of(
                Arns.of(args.partition(), "iam", "", args.accountId(), "policy/" + policyName(args)));
        return PolicyDocument.of(new BoundaryStatements(args.naming(), args.partition(), args.region())
                        .all(ownArn, args.codeStarConnectionArn(), args.seededRepositories(),
                                args.pulumiAccessTokenSecretArn()))
                .applyValue(BoundaryDocument::compact);
    }
}

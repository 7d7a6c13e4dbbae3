package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The key-policy statements the product's components declare for the product key, each where the principal it names
 * is created: the roles of the store's account through the grants of {@link ModelStoreRef}, service principals and
 * operators with {@link #add}. The key policy is assembled from them once {@link ModelStore#completeKeyPolicy()} is
 * called: KMS refuses a key policy naming a principal that does not exist yet ("The principals in the key policy must
 * exist and be visible to KMS",
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Policy), so the key
 * waits for the roles its statements name, whichever component creates them.
 */
public final class KeyGrants {
    /** What a role of the product needs to use the key for its data. */
    public static final String[] USE = {"kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"};

    private final String store;
    private final List<Statement> declared = new ArrayList<>();
    private final Map<String, Output<String>> grantees = new HashMap<>();
    private final CompletableFuture<List<Statement>> completed = new CompletableFuture<>();

    KeyGrants(String store) {
        this.store = store;
    }

    /** {@code role} encrypts and decrypts its data with the key: one statement however often it is granted. */
    void useBy(Grantee.AccountRole role) {
        once("KeyUseBy" + role.name(), role, sid -> Statement.allow(sid, USE).principal("AWS", role.arn())
                .onThisKey());
    }

    /**
     * {@code role} hands the key to the AWS resources it starts (SageMaker job and endpoint volumes), and only to
     * AWS resources ({@code kms:GrantIsForAWSResource}).
     */
    void grantsForAwsResourcesBy(Grantee.AccountRole role) {
        once("KeyGrantsForAwsResourcesBy" + role.name(), role, sid -> Statement.allow(sid, "kms:CreateGrant")
                .principal("AWS", role.arn()).onThisKey().when("Bool", "kms:GrantIsForAWSResource", "true"));
    }

    private void once(String sid, Grantee.AccountRole role, Function<String, Statement> statement) {
        Output<String> granted = grantees.get(sid);
        if (granted == role.arn()) {
            return;
        }
        if (granted != null) {
            throw new IllegalArgumentException("model store " + store + " already grants a role named "
                    + role.name() + ": each role of a grant needs a name of its own");
        }
        add(List.of(statement.apply(sid)));
        grantees.put(sid, role.arn());
    }

    /** Key-policy statements written by their component (service principals, operators). */
    public void add(List<Statement> statements) {
        if (completed.isDone()) {
            throw new IllegalStateException("the key policy of model store " + store + " is complete: declare key "
                    + "grants before ModelStore.completeKeyPolicy()");
        }
        declared.addAll(statements);
    }

    void complete() {
        completed.complete(List.copyOf(declared));
    }

    /** The declared statements, known once the key policy is complete. */
    Output<List<Statement>> declared() {
        return Output.of(completed);
    }
}

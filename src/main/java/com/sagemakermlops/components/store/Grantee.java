package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A role the store grants access to its bucket and key (see {@link ModelStoreRef#grantRead}). Its name ends the Sids
 * of the statements its grants make, so it is letters and digits only (IAM allows nothing else in a Sid).
 */
public sealed interface Grantee {
    Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

    String name();

    /**
     * A role of the store's own account: the key policy names it (a statement {@code KeyUseBy<name>}), so its own
     * policy carries no key statement.
     *
     * @param arn the role's ARN; the key policy waits for the role to exist
     */
    static Grantee role(String name, Output<String> arn) {
        return new AccountRole(name, arn);
    }

    /**
     * A role of a target stage's account: the key and bucket policies grant that account what the store shares with
     * it ({@link ModelStoreArgs#targetAccounts()}), so the role's own policy carries the key statements as well. A
     * grant to a role of an account the store does not share with is refused.
     */
    static Grantee stageRole(String name, TargetEnvironment.Stage stage, String accountId) {
        return new StageRole(name, stage, accountId);
    }

    /** @see Grantee#role */
    record AccountRole(String name, Output<String> arn) implements Grantee {
        public AccountRole {
            checkName(name);
            Objects.requireNonNull(arn, "arn");
        }
    }

    /** @see Grantee#stageRole */
    record StageRole(String name, TargetEnvironment.Stage stage, String accountId) implements Grantee {
        public StageRole {
            checkName(name);
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a grantee's name ends the Sids of its statements: letters and digits"
                    + " only, got " + name);
        }
    }
}

package com.sagemakermlops.components.store;

import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * The product key's policy: the account administers the key, and uses it through S3 and CodeCommit for whoever
 * deploys; then what the store shares with the target accounts; then the grants the components declared, each naming
 * its own principal. In a key policy {@code "*"} as resource means this key.
 */
final class KeyPolicy {
    private KeyPolicy() {
    }

    static List<Statement> statements(Arns arns, CrossAccountShare share, List<Statement> declared) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.administerKey("KeyAdministrationByAccount", arns.accountRoot()));
        // Whoever deploys uploads the seed code and creates the repository through S3 and CodeCommit.
        statements.add(Statement.allow("KeyUseThroughS3AndCodeCommitInAccount", KeyGrants.USE)
                .principal("AWS", arns.accountRoot()).onThisKey()
                .when("StringEquals", "kms:ViaService", arns.service("s3"), arns.service("codecommit"))
                .when("StringEquals", "kms:CallerAccount", arns.account()));
        statements.addAll(share.keyStatements());
        statements.addAll(declared);
        return statements;
    }
}

package com.sagemakermlops.components.store;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@link Grantee} may do with the store's bucket and key, as the grants of {@link ModelStoreRef} declared
 * it: {@link #statements()} are the statements of the grantee's own policy. The resource side is declared with each
 * grant (the key policy's statement for a role of the store's account). Combined with {@link #and}, grants of one
 * folder make one statement and a grant declared twice makes no second one.
 */
public final class StoreAccess {
    /**
     * What a target stage's role needs of the key to read and write the store's SSE-KMS objects: S3 decrypts what it
     * reads and generates a data key for what it writes with the caller's permissions
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html, "Permissions").
     */
    static final List<String> STAGE_KEY_USE = List.of("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey");

    private enum Kind {
        OBJECTS, LIST, BUCKET, KEY_USE, KEY_GRANT;

        /** Key statements: in the grantee's own policy only when the key policy does not name the grantee. */
        boolean onKey() {
            return this == KEY_USE || this == KEY_GRANT;
        }
    }

    /** One statement in the making: the folder's (or bucket's, or key's) actions, in the order first granted. */
    private record Rule(Kind kind, String label, String prefix, Set<String> actions) {
        String key() {
            return kind + ":" + prefix;
        }
    }

    private final ModelStoreRef store;
    private final Grantee grantee;
    private final Map<String, Rule> rules;

    private StoreAccess(ModelStoreRef store, Grantee grantee, Map<String, Rule> rules) {
        this.store = store;
        this.grantee = grantee;
        this.rules = rules;
    }

    static StoreAccess none(ModelStoreRef store, Grantee grantee) {
        return new StoreAccess(store, grantee, Map.of());
    }

    StoreAccess objects(String label, String prefix, String... actions) {
        return with(new Rule(Kind.OBJECTS, label, prefix, Set.of()), actions);
    }

    StoreAccess list(String label, String prefix) {
        return with(new Rule(Kind.LIST, label, prefix, Set.of()), "s3:ListBucket");
    }

    StoreAccess bucket(String label, String... actions) {
        return with(new Rule(Kind.BUCKET, label, "", Set.of()), actions);
    }

    StoreAccess keyUse() {
        return with(new Rule(Kind.KEY_USE, "", "", Set.of()), STAGE_KEY_USE.toArray(String[]::new));
    }

    StoreAccess keyGrant() {
        return with(new Rule(Kind.KEY_GRANT, "", "", Set.of()), "kms:CreateGrant");
    }

    public Grantee grantee() {
        return grantee;
    }

    /** This access and {@code other}'s, of the same grantee and store. */
    public StoreAccess and(StoreAccess other) {
        if (other.store != store || !other.grantee.equals(grantee)) {
            throw new IllegalArgumentException("cannot combine the access of " + grantee.name() + " with that of "
                    + other.grantee.name() + " or of another store");
        }
        StoreAccess combined = this;
        for (Rule rule : other.rules.values()) {
            combined = combined.with(rule, rule.actions().toArray(String[]::new));
        }
        return combined;
    }

    private StoreAccess with(Rule rule, String... actions) {
        Map<String, Rule> next = new LinkedHashMap<>(rules);
        Rule existing = next.get(rule.key());
        Set<String> merged = new LinkedHashSet<>(existing == null ? Set.of() : existing.actions());
        merged.addAll(List.of(actions));
        next.put(rule.key(), new Rule(rule.kind(), existing == null ? rule.label() : existing.label(), rule.prefix(),
                merged));
        return new StoreAccess(store, grantee, next);
    }

    /**
     * The statements of the grantee's own policy, one per folder, bucket or key use, in the order granted, the key's
     * last.
     */
    public List<Statement> statements() {
        boolean stage = grantee instanceof Grantee.StageRole;
        return rules.values().stream()
                .filter(rule -> stage || !rule.kind().onKey())
                .sorted(Comparator.comparing(rule -> rule.kind().onKey()))
                .map(this::statement)
                .toList();
    }

    private Statement statement(Rule rule) {
        String[] actions = rule.actions().toArray(String[]::new);
        Output<String> bucketArn = store.bucketArn();
        return switch (rule.kind()) {
            case OBJECTS -> Statement.allow(verb(rule.actions()) + rule.label(), actions)
                    .on(store.objects(rule.prefix()));
            case LIST -> Statement.allow("List" + rule.label(), actions).on(bucketArn)
                    .when("StringLike", "s3:prefix", rule.prefix() + "*");
            case BUCKET -> Statement.allow("Locate" + rule.label(), actions).on(bucketArn);
            case KEY_USE -> Statement.allow("UseToolingKey", actions).on(store.keyArn());
            // The grantee's calls that encrypt AWS resources' storage (a job's or an endpoint's volumes) take a
            // grant on the key for them, and only for an AWS resource.
            case KEY_GRANT -> Statement.allow("GrantToolingKeyToSageMaker", actions).on(store.keyArn())
                    .when("Bool", "kms:GrantIsForAWSResource", "true");
        };
    }

    private static String verb(Set<String> actions) {
        boolean writes = actions.contains("s3:PutObject");
        boolean reads = actions.size() > (writes ? 1 : 0);
        return reads && writes ? "ReadWrite" : writes ? "Write" : "Read";
    }
}

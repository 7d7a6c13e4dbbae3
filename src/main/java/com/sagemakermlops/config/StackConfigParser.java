package com.sagemakermlops.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns the raw configuration of one stack (namespaced keys to YAML/JSON trees) into a {@link StackConfig},
 * or fails with every problem at once. Nothing here touches the cloud: it runs before any resource is registered.
 */
public final class StackConfigParser {
    static final String PREFIX = ConfigProblem.NAMESPACE + ":";
    private static final Pattern STACK_REFERENCE = Pattern.compile("([\\w.-]+/){0,2}[\\w.-]+");
    /** The blocks only a tooling stack reads. */
    private static final List<String> TOOLING_ONLY = List.of("product", "sourceControl", "codeStarConnection",
            "training", "deploy", "network", "security");
    private static final List<String> ALERT_PROTOCOLS = List.of("email", "email-json", "https", "sqs", "lambda", "sms");

    private final Path baseDirectory;
    private final Supplier<Optional<String>> callerAccountId;

    /**
     * @param baseDirectory   the folder relative seed-code paths are resolved against (the project's)
     * @param callerAccountId asks the cloud for the account the stack runs in, at most once, when
     *                        {@code aws:allowedAccountIds} does not name it: for {@code {{account}}}, and for a valid
     *                        tooling stack's {@link StackConfig#accountId()}
     */
    public StackConfigParser(Path baseDirectory, Supplier<Optional<String>> callerAccountId) {
        this.baseDirectory = baseDirectory;
        this.callerAccountId = com.google.common.base.Suppliers.memoize(callerAccountId::get);
    }

    public StackConfig parse(Map<String, Object> settings) {
        return parse(settings, new ConfigNode.Problems());
    }

    /** Every key path (lists as {@code []}) a parse of {@code settings} reads: the configuration reference. */
    public java.util.Set<String> keysRead(Map<String, Object> settings) {
        var problems = new ConfigNode.Problems();
        try {
            parse(settings, problems);
        } catch (InvalidConfigException ignored) {
            // the keys read are what matters here
        }
        return problems.keys();
    }

    private StackConfig parse(Map<String, Object> withSecrets, ConfigNode.Problems problems) {
        ConfigSecrets.Extracted extracted = ConfigSecrets.extract(withSecrets, problems);
        Map<String, Object> settings = extracted.settings();
        Map<String, Object> ours = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                ours.put(key.substring(PREFIX.length()), value);
            } else {
                namespaceProblem(key).ifPresent(message -> problems.addOutside(key, message));
            }
        });
        Optional<String> region = awsRegion(settings, problems);
        Optional<String> accountId = allowedAccount(settings, problems);
        String partition = Checks.partitionOf(region.orElse("us-east-1"));
        Function<String, Optional<String>> placeholders = name -> switch (name) {
            case "region" -> region;
            case "partition" -> Optional.of(partition);
            case "account" -> accountId.or(callerAccountId);
            default -> Optional.empty();
        };

        var root = new ConfigNode("", ours, problems, placeholders);
        var sections = new Sections(partition, problems);
        StackRole role = root.choice("role", ordered("tooling", StackRole.TOOLING, "hosting", StackRole.HOSTING), null);
        if (!root.has("role")) {
            root.problem("role", "is required: expected tooling | hosting");
        }
        Tier tier = root.choice("tier",
                ordered("starter", Tier.STARTER, "professional", Tier.PROFESSIONAL, "enterprise", Tier.ENTERPRISE),
                Tier.STARTER);
        SourceControl sourceControl = root.choice("sourceControl",
                ordered("codecommit", SourceControl.CODECOMMIT, "s3", SourceControl.S3, "codestar", SourceControl.CODESTAR),
                SourceControl.CODECOMMIT);
        Optional<Product> product = root.map(root.object("product"), sections::product);
        Optional<CodeStarConnection> connection = root.map(root.object("codeStarConnection"), sections::connection);
        Optional<TrainingConfig> training = root.map(root.object("training"), n -> sections.training(n, sourceControl));
        Optional<DeployConfig> deploy = root.map(root.object("deploy"), n -> sections.deploy(n, sourceControl));
        Optional<NetworkConfig> network = root.map(root.object("network"), n -> sections.network(n, training, deploy));
        SecurityConfig security = root.map(root.object("security"), sections::security).orElse(SecurityConfig.defaults());
        Optional<HostingConfig> hosting = root.map(root.object("hosting"), sections::hosting);
        root.finish();

        if (role == StackRole.TOOLING) {
            requireFor(root, "product", product, "tooling");
            requireFor(root, "training", training, "tooling");
            requireFor(root, "deploy", deploy, "tooling");
            if (region.isEmpty()) {
                problems.addOutside("aws:region", "is required: expected the tooling account's region such as us-east-1");
            }
            if (hosting.isPresent()) {
                root.problem("hosting", "applies to hosting stacks only (this stack's role is tooling)");
            }
            if (sourceControl == SourceControl.CODESTAR && connection.isEmpty()) {
                root.problem("codeStarConnection", "is required when sourceControl is codestar: expected "
                        + "{connectionArn, owner, repo, branch}");
            }
            if (tier == Tier.ENTERPRISE && network.isEmpty()) {
                root.problem("network", "is required for the enterprise tier: expected {mode, vpcParameterStorePath, ...}");
            }
            training.ifPresent(t -> deploy.ifPresent(d -> crossCheckAccounts(t, d, problems)));
            region.ifPresent(r -> deploy.ifPresent(d -> d.environments().stream()
                    .filter(e -> !e.region().isEmpty() && !e.region().equals(r))
                    .forEach(e -> problems.add("deploy." + (e.stage() == TargetEnvironment.Stage.PREPROD
                                    ? "preProdEnvironment" : "prodEnvironment") + ".region",
                            "expected the tooling region " + r + " (endpoints use the tooling key, and KMS keys are "
                                    + "regional), got \"" + e.region() + "\""))));
        }
        if (role == StackRole.HOSTING) {
            requireFor(root, "hosting", hosting, "hosting");
            for (String key : TOOLING_ONLY) {
                // The CLI gives every stack Pulumi.yaml's default sourceControl (pulumi/pulumi pkg/workspace/config.go
                // mergeConfig), so that value alone cannot be told from the key left out.
                boolean projectDefault = key.equals("sourceControl") && sourceControl == SourceControl.CODECOMMIT;
                if (root.has(key) && !projectDefault) {
                    root.problem(key, "applies to tooling stacks only (this stack's role is hosting: it reads "
                            + "everything else from hosting.toolingStack)");
                }
            }
            if (region.isEmpty()) {
                problems.addOutside("aws:region", "is required: expected the stage's region such as us-east-1");
            }
        }
        if (!problems.list().isEmpty()) {
            throw new InvalidConfigException(problems.list());
        }
        Optional<String> stackAccount = role == StackRole.TOOLING ? accountId.or(callerAccountId) : accountId;
        if (role == StackRole.TOOLING && stackAccount.isEmpty()) {
            throw new InvalidConfigException(List.of(ConfigProblem.at("aws:allowedAccountIds",
                    "is required: the caller's account could not be determined")));
        }
        Set<String> secret = extracted.secretKeys();
        return new StackConfig(role, tier, region.orElseThrow(), stackAccount, product, sourceControl, connection,
                training, deploy.map(d -> secretExternalIds(d, secret)), network,
                secret.contains("security.alertEndpoint") ? security.withSecretEndpoint() : security, hosting);
    }

    private static DeployConfig secretExternalIds(DeployConfig deploy, Set<String> secret) {
        return deploy.withEnvironments(
                deploy.preProdEnvironment().map(e -> secret.contains("deploy.preProdEnvironment.externalId")
                        ? e.withSecretExternalId() : e),
                deploy.prodEnvironment().map(e -> secret.contains("deploy.prodEnvironment.externalId")
                        ? e.withSecretExternalId() : e));
    }

    /**
     * Why a key outside this program's namespace is refused: it has no namespace (Pulumi refuses such keys), or its
     * namespace is one edit away from this program's, so it would be ignored by mistake.
     */
    private static Optional<String> namespaceProblem(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.of("expected namespace:key such as " + PREFIX + key + " (a key without a namespace "
                    + "is not read)");
        }
        String namespace = key.substring(0, colon);
        if (DidYouMean.withinOneEdit(namespace, ConfigProblem.NAMESPACE)) {
            return Optional.of("unknown namespace " + namespace + " (did you mean \"" + PREFIX
                    + key.substring(colon + 1) + "\"?): only " + PREFIX + " keys configure this program");
        }
        return Optional.empty();
    }

    private static void requireFor(ConfigNode root, String key, Optional<?> value, String role) {
        if (value.isEmpty() && !root.has(key)) {
            root.problem(key, "is required for a " + role + " stack");
        }
    }

    /**
     * Builds placed in a VPC need what the endpoints cannot give them, internet egress for their package installs
     * (the training buildspec's pip install of requirements.txt; the deploy buildspec's Pulumi CLI download, pip and
     * Maven), and must be admitted by the endpoints' security group.
     */
    private static void crossCheckBuildNetwork(NetworkConfig network, boolean egressGiven,
                                               Optional<TrainingConfig> training, Optional<DeployConfig> deploy,
                                               ConfigNode.Problems problems) {
        Map<String, String> builds = new LinkedHashMap<>();
        training.flatMap(TrainingConfig::devEnvironment).ifPresent(vpc -> builds.put("training.devEnvironment",
                "the training build installs its Python packages from PyPI (the model-build requirements.txt)"));
        deploy.flatMap(DeployConfig::devEnvironment).ifPresent(vpc -> builds.put("deploy.devEnvironment",
                "the deploy build downloads the Pulumi CLI and its plugins, Maven dependencies and Python packages"));
        if (egressGiven && network.internetEgress() == NetworkConfig.InternetEgress.NONE) {
            builds.forEach((path, why) -> problems.add(path, why + ", which a VPC without internet egress "
                    + "(network.internetEgress: none) refuses: route the subnets through a NAT gateway and set "
                    + "network.internetEgress: nat, or leave devEnvironment out"));
        }
        if (!builds.isEmpty() && network.allowedIngressCidrs().isEmpty()) {
            problems.add("network.allowedIngressCidrs", "is required when builds run in a VPC ("
                    + String.join(", ", builds.keySet()) + "): expected the CIDRs of their subnets, from which the "
                    + "interface endpoints accept HTTPS");
        }
    }

    private static void crossCheckAccounts(TrainingConfig training, DeployConfig deploy, ConfigNode.Problems problems) {
        check(training.preProdAccountId(), deploy.preProdEnvironment(), "training.preProdAccountId",
                "deploy.preProdEnvironment.accountId", problems);
        check(training.prodAccountId(), deploy.prodEnvironment(), "training.prodAccountId",
                "deploy.prodEnvironment.accountId", problems);
    }

    private static void check(Optional<String> account, Optional<TargetEnvironment> environment, String path,
                              String otherPath, ConfigNode.Problems problems) {
        if (account.isPresent() && environment.isPresent() && !account.get().equals(environment.get().accountId())) {
            problems.add(path, "expected the same account as " + otherPath + " (\"" + environment.get().accountId()
                    + "\"), got \"" + account.get() + "\"");
        }
    }

    private static Optional<String> awsRegion(Map<String, Object> settings, ConfigNode.Problems problems) {
        Object value = settings.get("aws:region");
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s && Checks.AWS_REGION.expectation(s).isEmpty()) {
            return Optional.of(s);
        }
        problems.addOutside("aws:region", "expected an AWS region such as us-east-1, got " + ConfigNode.describe(value));
        return Optional.empty();
    }

    private static Optional<String> allowedAccount(Map<String, Object> settings, ConfigNode.Problems problems) {
        Object value = settings.get("aws:allowedAccountIds");
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list && list.size() == 1) {
            Object entry = list.get(0);
            if (entry instanceof NumberLiteral literal && !literal.sameAsText()) {
                problems.addOutside("aws:allowedAccountIds", "expected the account id as a quoted string, got the "
                        + "unquoted number " + literal.text() + " (" + literal.reading() + "): write [\""
                        + literal.text() + "\"]");
                return Optional.empty();
            }
            String account = String.valueOf(entry);
            boolean text = entry instanceof String || entry instanceof NumberLiteral || entry instanceof Long
                    || entry instanceof Integer || entry instanceof java.math.BigInteger;
            if (text && Checks.ACCOUNT.expectation(account).isEmpty()) {
                return Optional.of(account);
            }
        }
        problems.addOutside("aws:allowedAccountIds", "expected a list with the stack's one 12-digit account id, got "
                + ConfigNode.describe(value));
        return Optional.empty();
    }

    /** Readers for each block; they share the stack's partition and problem list. */
    private final class Sections {
        private final String partition;
        private final ConfigNode.Problems problems;

        Sections(String partition, ConfigNode.Problems problems) {
            this.partition = partition;
            this.problems = problems;
        }

        Product product(ConfigNode n) {
            return new Product(
                    n.required("org", Checks.namePart(32)).orElse("org"),
                    n.required("environment", Checks.namePart(16)).orElse("env"),
                    n.required("clientId", Checks.namePart(16)).orElse("client"),
                    n.required("name", Checks.namePart(32)).orElse("name"));
        }

        CodeStarConnection connection(ConfigNode n) {
            Checks.Check codestar = Checks.arn(partition, "codestar-connections", "connection/");
            Checks.Check codeconnections = Checks.arn(partition, "codeconnections", "connection/");
            Checks.Check arn = value -> codeconnections.expectation(value).isEmpty() ? java.util.Optional.empty()
                    : codestar.expectation(value);
            return new CodeStarConnection(
                    n.required("connectionArn", arn).orElse(""),
                    n.required("owner", (Checks.Check) null).orElse(""),
                    n.required("repo", (Checks.Check) null).orElse(""),
                    n.string("branch", "main"));
        }

        TrainingConfig training(ConfigNode n, SourceControl sourceControl) {
            return new TrainingConfig(
                    n.required("projectName", Checks.sagemakerName(32)).orElse("training"),
                    n.string("domainId", Checks.SAGEMAKER_DOMAIN),
                    n.string("domainArn", Checks.arn(partition, "sagemaker", "domain/")),
                    n.bool("enableNetworkIsolation", true),
                    n.bool("enableInterContainerEncryption", true),
                    opened(seedCodePath(n, sourceControl)),
                    n.string("preProdAccountId", Checks.ACCOUNT),
                    n.string("prodAccountId", Checks.ACCOUNT),
                    n.map(n.object("devEnvironment"), this::vpc),
                    buildPolicies(n));
        }

        DeployConfig deploy(ConfigNode n, SourceControl sourceControl) {
            return new DeployConfig(
                    n.required("projectName", Checks.sagemakerName(32)).orElse("deploy"),
                    n.string("domainId", Checks.SAGEMAKER_DOMAIN),
                    n.string("domainArn", Checks.arn(partition, "sagemaker", "domain/")),
                    n.string("modelPackageGroupName", Checks.sagemakerName(63)),
                    n.string("modelBucketName", Checks.BUCKET),
                    n.string("pipelineBucketName", Checks.BUCKET),
                    n.bool("enableNetworkIsolation", true),
                    n.bool("enableManualApproval", true),
                    n.bool("enableEventBridgeTrigger", true),
                    n.bool("enableDataCapture", true),
                    opened(deploySeedCodePath(n, sourceControl)),
                    n.map(n.object("devEnvironment"), this::vpc),
                    n.map(n.object("preProdEnvironment"), e -> environment(e, TargetEnvironment.Stage.PREPROD)),
                    n.map(n.object("prodEnvironment"), e -> environment(e, TargetEnvironment.Stage.PROD)),
                    buildPolicies(n),
                    operatorRoleArns(n),
                    pulumiCloud(n));
        }

        /** Pulumi Cloud as the hosting stacks' backend: its URL, and the access token's secret, which it needs. */
        private Optional<PulumiCloudBackend> pulumiCloud(ConfigNode n) {
            Optional<String> url = n.string("pulumiBackendUrl", v -> v.matches("https://[^\\s/]+(/\\S*)?")
                    ? Optional.empty() : Optional.of("an https:// URL such as " + PulumiCloudBackend.DEFAULT_URL));
            Optional<String> token = n.string("pulumiAccessTokenSecretArn",
                    Checks.arn(partition, "secretsmanager", "secret:"));
            if (url.isPresent() && !n.has("pulumiAccessTokenSecretArn")) {
                n.problem("pulumiAccessTokenSecretArn", "is required with pulumiBackendUrl: the Secrets Manager "
                        + "secret holding the access token the deploy builds log in with");
            }
            return token.map(arn -> new PulumiCloudBackend(url.orElse(PulumiCloudBackend.DEFAULT_URL), arn));
        }

        /** Roles, each once: they are named as principals in key, bucket and trust policies. */
        private List<String> operatorRoleArns(ConfigNode n) {
            List<String> roles = n.strings("operatorRoleArns", Checks.arn(partition, "iam", "role/"));
            roles.stream().filter(role -> roles.indexOf(role) != roles.lastIndexOf(role)).distinct()
                    .forEach(role -> n.problem("operatorRoleArns", "expected each role once, got \"" + role
                            + "\" " + java.util.Collections.frequency(roles, role) + " times"));
            return roles;
        }

        /** The deploy repository's first commit also carries this program beside the seed code: a directory then. */
        private Optional<String> deploySeedCodePath(ConfigNode n, SourceControl sourceControl) {
            Optional<String> path = seedCodePath(n, sourceControl);
            path.filter(p -> p.toLowerCase().endsWith(".zip")).ifPresent(p -> n.problem("seedCodePath",
                    "expected a directory (the deploy repository also carries this Pulumi program beside the seed "
                            + "code; unzip it), got \"" + p + "\""));
            return path;
        }

        private Optional<String> seedCodePath(ConfigNode n, SourceControl sourceControl) {
            Optional<String> path = n.string("seedCodePath", value -> value.isBlank() || value.indexOf('\0') >= 0
                    ? Optional.of("a path to a directory or .zip of seed code (not empty, no NUL character)")
                    : Optional.empty());
            if (path.isEmpty() && !n.has("seedCodePath") && sourceControl != SourceControl.CODESTAR) {
                n.problem("seedCodePath", "is required when sourceControl is "
                        + sourceControl.name().toLowerCase() + ": expected a directory or .zip of seed code");
            }
            return path.filter(p -> usable(n, p));
        }

        /** True when {@code seedCodePath} names an existing directory or .zip file; else reports why not. */
        private boolean usable(ConfigNode n, String seedCodePath) {
            Path resolved;
            try {
                resolved = baseDirectory.resolve(seedCodePath).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                n.problem("seedCodePath", "expected a path to a directory or .zip file, got \"" + seedCodePath
                        + "\" (" + e.getReason() + ")");
                return false;
            }
            boolean usable = Files.isDirectory(resolved)
                    || (Files.isRegularFile(resolved) && seedCodePath.toLowerCase().endsWith(".zip"));
            if (!usable) {
                n.problem("seedCodePath", "expected an existing directory or .zip file, got \"" + seedCodePath
                        + "\" (" + (Files.exists(resolved) ? "not a directory or .zip" : "not found") + ")");
            }
            return usable;
        }

        /** The validated seed path of a block, as the program opens it (see {@link #asOpened}). */
        private Optional<String> opened(Optional<String> seedCodePath) {
            return seedCodePath.map(p -> asOpened(baseDirectory.resolve(p)));
        }

        /**
         * A seed path as the program opens it: relative to the working directory (the project root) when inside it,
         * so a stack file in another folder (examples/) may write paths relative to its own folder.
         */
        private static String asOpened(Path resolved) {
            Path workingDirectory = Path.of("").toAbsolutePath();
            Path absolute = resolved.toAbsolutePath().normalize();
            if (!absolute.startsWith(workingDirectory)) {
                return absolute.toString();
            }
            String relative = workingDirectory.relativize(absolute).toString();
            return relative.isEmpty() ? "." : relative;
        }

        VpcSettings vpc(ConfigNode n) {
            String vpcId = n.required("vpcId", Checks.VPC).orElse("");
            List<String> subnets = n.strings("subnetIds", Checks.SUBNET);
            List<String> groups = n.strings("securityGroupIds", Checks.SECURITY_GROUP);
            if (!n.has("subnetIds")) {
                n.problem("subnetIds", "is required with vpcId: expected at least one subnet id");
            }
            if (!n.has("securityGroupIds")) {
                n.problem("securityGroupIds", "is required with vpcId: expected at least one security group id");
            }
            return new VpcSettings(vpcId, subnets, groups);
        }

        TargetEnvironment environment(ConfigNode n, TargetEnvironment.Stage stage) {
            String account = n.required("accountId", Checks.ACCOUNT).orElse("");
            String region = n.required("region", Checks.AWS_REGION).orElse("");
            Optional<VpcSettings> vpc = n.has("vpcId") || n.has("subnetIds") || n.has("securityGroupIds")
                    ? Optional.of(vpc(n)) : Optional.empty();
            Optional<String> bootstrap = n.string("bootstrapRoleArn", Checks.arn(partition, "iam", "role/"));
            bootstrap.flatMap(Checks::parseArn).filter(arn -> !account.isEmpty())
                    .filter(arn -> !arn.accountId().orElse("").equals(account))
                    .ifPresent(arn -> n.problem("bootstrapRoleArn", "expected a role in the stage's account "
                            + account + " (accountId), got " + arn.accountId().map(a -> "account " + a)
                            .orElse("no account") + " in \"" + arn + "\""));
            return new TargetEnvironment(stage, account, region, vpc, bootstrap,
                    n.string("externalId", Checks.EXTERNAL));
        }

        List<BuildPolicy> buildPolicies(ConfigNode n) {
            List<BuildPolicy> result = new ArrayList<>();
            for (ConfigNode entry : n.objects("buildPolicies")) {
                Optional<Object> document = entry.raw("policyDocument");
                Optional<String> arn = entry.string("policyArn", Checks.arn(partition, "iam", "policy/"));
                if (document.isPresent() == entry.has("policyArn")) {
                    problems.add(entry.path(), "expected exactly one of policyDocument or policyArn");
                }
                List<BuildPolicy.Suppression> suppressions = new ArrayList<>();
                for (ConfigNode s : entry.objects("suppressions")) {
                    String id = s.required("id", (Checks.Check) null).orElse("");
                    String reason = s.required("reason", (Checks.Check) null).orElse("");
                    if (!reason.isEmpty() && reason.trim().length() < 10) {
                        s.problem("reason", "expected a reason of at least 10 characters, got \"" + reason + "\"");
                    }
                    s.finish();
                    suppressions.add(new BuildPolicy.Suppression(id, reason));
                }
                entry.finish();
                result.add(new BuildPolicy(document.flatMap(d -> PolicyDocumentCheck.json(
                        entry.pathOf("policyDocument"), d, problems::add)), arn, suppressions));
            }
            return result;
        }

        NetworkConfig network(ConfigNode n, Optional<TrainingConfig> training, Optional<DeployConfig> deploy) {
            NetworkConfig.Mode mode = n.choice("mode", ordered("standalone", NetworkConfig.Mode.STANDALONE,
                    "sg-provisioner", NetworkConfig.Mode.SG_PROVISIONER), NetworkConfig.Mode.STANDALONE);
            if (!n.has("mode")) {
                n.problem("mode", "is required: expected standalone | sg-provisioner");
            }
            String vpcPath = n.required("vpcParameterStorePath", Checks.PARAMETER_PATH).orElse("");
            Optional<String> sgPath = n.string("sgParameterStorePath", Checks.PARAMETER_PATH);
            if (mode == NetworkConfig.Mode.SG_PROVISIONER && sgPath.isEmpty() && !n.has("sgParameterStorePath")) {
                n.problem("sgParameterStorePath", "is required when mode is sg-provisioner");
            }
            List<String> subnets = n.strings("subnetIds", Checks.SUBNET);
            if (subnets.isEmpty() && !n.has("subnetIds")) {
                n.problem("subnetIds", "is required: expected the private subnets of the interface endpoints");
            }
            List<String> routeTables = n.strings("routeTableIds", Checks.ROUTE_TABLE);
            if (routeTables.isEmpty() && !n.has("routeTableIds")) {
                n.problem("routeTableIds", "is required: expected the route tables of the private subnets (the "
                        + "builds', jobs' and endpoints'), to which the S3 gateway endpoint adds its route: without "
                        + "them it routes nothing");
            }
            List<String> ingress = n.strings("allowedIngressCidrs", (Checks.Check) null);
            for (String entry : ingress) {
                Optional<String> problem = ingressProblem(entry);
                if (problem.isEmpty() && !IngressRule.parse(entry).onlyHttps()) {
                    problem = Optional.of("expected HTTPS only (the interface endpoints accept port 443 and "
                            + "nothing else): write the CIDR alone, got \"" + entry + "\"");
                }
                problem.ifPresent(message -> problems.add(n.pathOf("allowedIngressCidrs"), message));
            }
            NetworkConfig.InternetEgress egress = n.choice("internetEgress", ordered("nat",
                    NetworkConfig.InternetEgress.NAT, "none", NetworkConfig.InternetEgress.NONE), null);
            if (!n.has("internetEgress")) {
                n.problem("internetEgress", "is required: expected nat (the subnets route to the internet through "
                        + "a NAT gateway, as the builds' package installs need) | none");
            }
            NetworkConfig network = new NetworkConfig(mode, vpcPath, sgPath, subnets, routeTables, ingress,
                    egress == null ? NetworkConfig.InternetEgress.NONE : egress);
            crossCheckBuildNetwork(network, egress != null, training, deploy, problems);
            return network;
        }

        SecurityConfig security(ConfigNode n) {
            int retention = n.integer("logRetentionDays", SecurityConfig.DEFAULT_RETENTION_DAYS,
                    SecurityConfig.MINIMUM_RETENTION_DAYS, 3653);
            Optional<String> protocol = n.string("alertProtocol", value -> ALERT_PROTOCOLS.contains(value)
                    ? Optional.empty() : Optional.of("one of " + String.join(" | ", ALERT_PROTOCOLS)));
            Optional<String> endpoint = n.string("alertEndpoint", endpointCheck(protocol.orElse("")));
            if (protocol.isPresent() != n.has("alertEndpoint")) {
                n.problem(protocol.isPresent() ? "alertEndpoint" : "alertProtocol",
                        "is required with " + (protocol.isPresent() ? "alertProtocol" : "alertEndpoint"));
            }
            return new SecurityConfig(retention, protocol, endpoint);
        }

        private Checks.Check endpointCheck(String protocol) {
            return switch (protocol) {
                case "email", "email-json" -> Checks.EMAIL_ADDRESS;
                case "https" -> v -> v.startsWith("https://") ? Optional.empty() : Optional.of("an https:// URL");
                case "sqs" -> Checks.arn(partition, "sqs", "");
                case "lambda" -> Checks.arn(partition, "lambda", "function:");
                case "sms" -> v -> v.matches("\\+\\d{6,15}") ? Optional.empty() : Optional.of("a phone number such as +14155550100");
                default -> v -> Optional.empty();
            };
        }

        HostingConfig hosting(ConfigNode n) {
            String tooling = n.required("toolingStack", v -> STACK_REFERENCE.matcher(v).matches() ? Optional.empty()
                    : Optional.of("a stack name such as organization/sagemaker-mlops/dev")).orElse("");
            var stage = n.choice("stage", ordered("preprod", TargetEnvironment.Stage.PREPROD,
                    "prod", TargetEnvironment.Stage.PROD), TargetEnvironment.Stage.PREPROD);
            if (!n.has("stage")) {
                n.problem("stage", "is required: expected preprod | prod");
            }
            Optional<String> packageArn = n.string("modelPackageArn", Checks.arn(partition, "sagemaker", "model-package/"));
            String instanceType = n.string("instanceType", Checks.ML_INSTANCE).orElse("ml.m5.large");
            int initial = n.integer("initialInstanceCount", 1, 1, 100);
            Optional<Integer> current = n.has("currentInstanceCount")
                    ? Optional.of(n.integer("currentInstanceCount", 1, 1, 100)) : Optional.empty();
            Optional<String> served = n.string("servedEndpointConfigName", Checks.sagemakerName(63));
            var scaling = n.map(n.object("autoscaling"), a -> autoscaling(a, initial))
                    .orElse(new HostingConfig.Autoscaling(initial, Math.max(initial, 2), 100));
            if (initial < scaling.minCapacity() || initial > scaling.maxCapacity()) {
                n.problem("initialInstanceCount", "expected a count from autoscaling.minCapacity ("
                        + scaling.minCapacity() + ") to autoscaling.maxCapacity (" + scaling.maxCapacity() + "), got " + initial);
            }
            var deployment = n.map(n.object("deployment"), this::deployment)
                    .orElse(new HostingConfig.Deployment(HostingConfig.Deployment.Strategy.ALL_AT_ONCE, 100, 10));
            return new HostingConfig(tooling, stage, packageArn, instanceType, initial, current, served, scaling,
                    deployment);
        }

        private HostingConfig.Autoscaling autoscaling(ConfigNode n, int initial) {
            int min = n.integer("minCapacity", initial, 1, 100);
            int max = n.integer("maxCapacity", Math.max(min, 2), 1, 100);
            if (max < min) {
                n.problem("maxCapacity", "expected at least minCapacity (" + min + "), got " + max);
            }
            return new HostingConfig.Autoscaling(min, max, n.integer("targetInvocationsPerInstance", 100, 1, 100_000));
        }

        private HostingConfig.Deployment deployment(ConfigNode n) {
            var strategy = n.choice("strategy", ordered(
                    "all-at-once", HostingConfig.Deployment.Strategy.ALL_AT_ONCE,
                    "canary", HostingConfig.Deployment.Strategy.CANARY,
                    "linear", HostingConfig.Deployment.Strategy.LINEAR), HostingConfig.Deployment.Strategy.ALL_AT_ONCE);
            Optional<Integer> traffic = switch (strategy) {
                case ALL_AT_ONCE -> Optional.of(n.integer("trafficPercent", 100, 100, 100));
                case CANARY -> shiftPercent(n, "a canary", HostingConfig.Deployment.CANARY_MIN,
                        HostingConfig.Deployment.CANARY_MAX);
                case LINEAR -> shiftPercent(n, "a linear step", HostingConfig.Deployment.LINEAR_MIN,
                        HostingConfig.Deployment.LINEAR_MAX);
            };
            int wait = n.integer("waitMinutes", 10, 0, 60);
            var deployment = new HostingConfig.Deployment(strategy, traffic.orElse(HostingConfig.Deployment.LINEAR_MAX),
                    wait);
            if (traffic.isPresent() && deployment.plannedMinutes() > HostingConfig.Deployment.SETTLE_MINUTES) {
                n.problem("waitMinutes", "expected at most " + deployment.longestWaitMinutes() + " for this strategy,"
                        + " got " + wait + ": its " + deployment.shifts() + " traffic shift"
                        + (deployment.shifts() == 1 ? "" : "s") + " each bake that long and the old fleet waits as"
                        + " long again, about " + deployment.plannedMinutes() + " minutes with the new fleet's start,"
                        + " but SageMaker must settle the deployment within " + HostingConfig.Deployment.SETTLE_MINUTES
                        + " minutes: pulumi-aws stops waiting for the endpoint after "
                        + HostingConfig.Deployment.PROVIDER_WAIT_MINUTES
                        + (strategy == HostingConfig.Deployment.Strategy.LINEAR ? " (or take larger steps)" : ""));
            }
            return deployment;
        }

        /** A canary or linear step within SageMaker's bounds, in percent of the new fleet's capacity; empty if not. */
        private static Optional<Integer> shiftPercent(ConfigNode n, String what, int min, int max) {
            int percent = n.integer("trafficPercent", Math.max(min, 10), 0, 100);
            if (percent < min || percent > max) {
                n.problem("trafficPercent", "expected " + what + " of " + min + " to " + max + " percent of capacity"
                        + " (SageMaker's bounds), got " + percent);
                return Optional.empty();
            }
            return Optional.of(percent);
        }
    }

    /** Choices in the order they are documented, so messages list them that way. */
    private static <E> Map<String, E> ordered(String k1, E v1, String k2, E v2) {
        Map<String, E> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static <E> Map<String, E> ordered(String k1, E v1, String k2, E v2, String k3, E v3) {
        Map<String, E> map = ordered(k1, v1, k2, v2);
        map.put(k3, v3);
        return map;
    }

    /** Why an {@code allowedIngressCidrs} entry is refused (see {@link IngressRule}). */
    static Optional<String> ingressProblem(String entry) {
        try {
            IngressRule.parse(entry);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}

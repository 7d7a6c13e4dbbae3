package com.sagemakermlops.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads stack files and MDAA configs as plain data, and refuses what a YAML reader would otherwise change silently
 * or cannot represent as configuration: a key given twice (the last one would win), keys that are not text (numbers,
 * null, lists), tags beyond the plain ones ({@code !!binary}, {@code !Ref}...), aliases that contain themselves or
 * expand beyond {@value #MAX_VALUES} values. Numbers stay as written ({@link NumberLiteral}); dates stay text; only
 * {@code true} and {@code false} are booleans, as YAML 1.2 readers such as Pulumi's take them ({@code yes}, {@code on}
 * are text there). Every problem names the line.
 */
public final class StrictYaml {
    /** The most values a document may hold once its aliases are expanded. */
    public static final int MAX_VALUES = 100_000;
    /** The deepest nesting of lists and mappings accepted. */
    public static final int MAX_DEPTH = 40;
    /** The longest key accepted. */
    public static final int MAX_KEY_LENGTH = 256;
    /** The most characters a document may have. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.MERGE);

    private StrictYaml() {
    }

    /**
     * The document in {@code text}: maps with string keys, lists, strings, booleans, {@link NumberLiteral}s and null.
     *
     * @param where names the source in problems, e.g. {@code Pulumi.dev.yaml}
     * @throws InvalidConfigException with every problem, each at {@code where:line}
     */
    public static Object load(String where, String text) {
        Node root;
        try {
            root = yaml().compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new InvalidConfigException(List.of(ConfigProblem.at(at(where, e.getProblemMark()),
                    "is not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new InvalidConfigException(List.of(ConfigProblem.at(where, "is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
        if (root == null) {
            return null;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        new Walk(where, problems).node(root, "", 0);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new PlainConstructor().construct(root);
    }

    /** YAML text of {@code document} (block style), writing {@link NumberLiteral}s back as they were written. */
    public static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        return new Yaml(new PlainConstructor(), new LiteralRepresenter(options), options, loaderOptions(),
                new PlainResolver()).dump(document);
    }

    private static Yaml yaml() {
        LoaderOptions options = loaderOptions();
        return new Yaml(new PlainConstructor(), new Representer(new DumperOptions()), new DumperOptions(), options,
                new PlainResolver());
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by the walk, with both lines
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    private static String at(String where, Mark mark) {
        return mark == null ? where : where + ":" + (mark.getLine() + 1);
    }

    /** Checks every node once per path, as the constructed data will be read. */
    private static final class Walk {
        private final String where;
        private final List<ConfigProblem> problems;
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;

        Walk(String where, List<ConfigProblem> problems) {
            this.where = where;
            this.problems = problems;
        }

        void node(Node node, String path, int depth) {
            if (++values > MAX_VALUES) {
                if (values == MAX_VALUES + 1) {
                    problem(node, "holds more than " + MAX_VALUES + " values once its aliases are expanded");
                }
                return;
            }
            if (!PLAIN_TAGS.contains(node.getTag())) {
                problem(node, label(path) + "has the tag " + node.getTag().getValue()
                        + ": only plain text, numbers, true/false, lists and mappings are read here");
                return;
            }
            if (!open.add(node)) {
                problem(node, label(path) + "is an alias of a value that contains it");
                return;
            }
            if (node instanceof MappingNode mapping) {
                mapping(mapping, path, depth);
            } else if (node instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size() && values <= MAX_VALUES; i++) {
                    node(items.get(i), path + "[" + i + "]", depth + 1);
                }
            }
            open.remove(node);
        }

        private void mapping(MappingNode mapping, String path, int depth) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple entry : mapping.getValue()) {
                Node key = entry.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    node(entry.getValueNode(), path, depth + 1);
                    continue;
                }
                if (!(key instanceof ScalarNode scalar) || !key.getTag().equals(Tag.STR)) {
                    problem(key, label(path) + "has a key that is " + describeKey(key)
                            + ": keys are names (quote it if it is one)");
                    continue;
                }
                String name = scalar.getValue();
                if (name.length() > MAX_KEY_LENGTH) {
                    problem(key, label(path) + "has a key of " + name.length() + " characters: keys are names of at "
                            + "most " + MAX_KEY_LENGTH);
                    continue;
                }
                String child = path.isEmpty() ? name : path + "." + name;
                Node first = seen.putIfAbsent(name, key);
                if (first != null) {
                    problem(key, "the key " + child + " is given twice (first on line "
                            + (first.getStartMark().getLine() + 1) + "): a key may appear once");
                    continue;
                }
                node(entry.getValueNode(), child, depth + 1);
            }
        }

        private static String describeKey(Node key) {
            if (key.getTag().equals(Tag.NULL)) {
                return "empty (null)";
            }
            if (key instanceof ScalarNode scalar) {
                return "the " + (key.getTag().equals(Tag.BOOL) ? "boolean " : "number ") + scalar.getValue();
            }
            return key instanceof MappingNode ? "a mapping" : "a list";
        }

        private static String label(String path) {
            return path.isEmpty() ? "" : path + " ";
        }

        private void problem(Node node, String message) {
            problems.add(ConfigProblem.at(at(where, node.getStartMark()), message));
        }
    }

    /** YAML 1.2's plain booleans and null, and every spelling some YAML reader takes as a number. */
    private static final class PlainResolver extends Resolver {
        private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
        private static final Pattern MORE_NUMBERS = Pattern.compile("^[-+]?(?:0o[0-7_]+|0[0-9_]+)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF", 10);
            addImplicitResolver(Tag.INT, MORE_NUMBERS, "-+0", 1000);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /** Plain data, with numbers kept as written. */
    private static final class PlainConstructor extends SafeConstructor {
        PlainConstructor() {
            super(loaderOptions());
            AbstractConstruct literal = new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new NumberLiteral(((ScalarNode) node).getValue());
                }
            };
            yamlConstructors.put(Tag.INT, literal);
            yamlConstructors.put(Tag.FLOAT, literal);
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }

    /** Writes a {@link NumberLiteral} as the plain scalar it was read from. */
    private static final class LiteralRepresenter extends Representer {
        LiteralRepresenter(DumperOptions options) {
            super(options);
            Represent literal = data -> representScalar(new PlainResolver().resolve(
                    org.yaml.snakeyaml.nodes.NodeId.scalar, ((NumberLiteral) data).text(), true),
                    ((NumberLiteral) data).text());
            representers.put(NumberLiteral.class, literal);
        }
    }
}

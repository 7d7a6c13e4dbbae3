package com.sagemakermlops.cli;

import com.sagemakermlops.config.ConfigProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a configuration key is written in a stack file: the 1-based line of its key. */
final class StackFileLines {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private StackFileLines(Node root) {
        this.root = root;
    }

    /** The lines of stack-file text; a file that is not YAML has none. */
    static StackFileLines of(String yaml) {
        try {
            return new StackFileLines(new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml)));
        } catch (YAMLException e) {
            return new StackFileLines(null);
        }
    }

    /** The line of the {@code config:} block, where a finding without a key of its own is reported. */
    Optional<Integer> configBlock() {
        return keyLine(root, "config");
    }

    /**
     * The line of a key path of this program's namespace ({@code training.buildPolicies[0].policyDocument}): the
     * deepest part of it the file writes.
     */
    Optional<Integer> line(String keyPath) {
        List<String> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(keyPath);
        while (m.find()) {
            segments.add(m.group(1) != null ? m.group(1) : "[" + m.group(2));
        }
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        segments.set(0, ConfigProblem.NAMESPACE + ":" + segments.get(0));
        Optional<Node> node = child(root, "config");
        Optional<Integer> line = Optional.empty();
        for (String segment : segments) {
            if (node.isEmpty()) {
                break;
            }
            Optional<Node> next;
            Optional<Integer> at;
            if (segment.startsWith("[")) {
                next = item(node.get(), Integer.parseInt(segment.substring(1)));
                at = next.map(StackFileLines::lineOf);
            } else {
                Optional<NodeTuple> entry = tuple(node.get(), segment);
                next = entry.map(NodeTuple::getValueNode);
                at = entry.map(t -> lineOf(t.getKeyNode()));
            }
            if (next.isEmpty()) {
                break;
            }
            line = at;
            node = next;
        }
        return line;
    }

    private static Optional<Integer> keyLine(Node mapping, String key) {
        return tuple(mapping, key).map(t -> lineOf(t.getKeyNode()));
    }

    private static Optional<Node> child(Node mapping, String key) {
        return tuple(mapping, key).map(NodeTuple::getValueNode);
    }

    private static Optional<NodeTuple> tuple(Node mapping, String key) {
        if (!(mapping instanceof MappingNode map)) {
            return Optional.empty();
        }
        return map.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    private static Optional<Node> item(Node sequence, int index) {
        return sequence instanceof SequenceNode list && index < list.getValue().size()
                ? Optional.of(list.getValue().get(index)) : Optional.empty();
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}

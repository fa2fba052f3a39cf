package dev.mlsdmock.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a candidate's Mermaid diagram says, as plain text: one {@link Element} per line that draws something (a
 * node, an edge, a message, a subgraph), with the human labels on it. The interviewer looks for components in the
 * labels; the grader weighs each element as a statement and quotes its line. Pure, tolerant of any diagram type:
 * a line it does not understand yields its words.
 */
public final class DiagramText {

    private static final Pattern HEADER = Pattern.compile("(?i)^(flowchart|graph|sequenceDiagram|classDiagram|"
            + "stateDiagram(-v2)?|erDiagram|journey|gantt|pie|mindmap|timeline|architecture-beta|block-beta|C4\\w*|"
            + "quadrantChart|requirementDiagram|gitGraph|sankey-beta|xychart-beta)\\b.*");
    private static final Pattern DIRECTIVE = Pattern.compile("(?i)^(%%|style\\b|classDef\\b|class\\b|linkStyle\\b|"
            + "click\\b|direction\\b|end\\s*$|title\\b|accTitle\\b|accDescr\\b|autonumber\\b)");
    /** Text between shape or label delimiters: [..] (..) {..} ((..)) [(..)] "..." |..|. */
    private static final Pattern LABEL = Pattern.compile("[\\[({>\"|/\\\\]+\\s*([^\\[\\](){}\"|<>/\\\\]+?)\\s*[\\])}\"|/\\\\]+");
    private static final Pattern MESSAGE = Pattern.compile(":\\s*(.+)$");
    private static final Pattern SUBGRAPH = Pattern.compile("(?i)^subgraph\\s+(.+)$");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private DiagramText() {
    }

    /**
     * One drawn line: {@code line} exactly as written (stripped of surrounding whitespace, so it occurs in the
     * diagram as a quote), and its labels.
     */
    public record Element(String line, List<String> labels) {
        public Element {
            labels = List.copyOf(labels);
        }

        /** The labels as a statement, e.g. "User events → Feature store" for an edge. */
        public String sentence() {
            return String.join(" → ", labels);
        }
    }

    public static List<Element> elements(String diagram) {
        List<Element> elements = new ArrayList<>();
        boolean headerSeen = false;
        for (String raw : diagram.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || DIRECTIVE.matcher(line).find()) {
                continue;
            }
            if (!headerSeen && HEADER.matcher(line).matches()) {
                headerSeen = true;
                continue;
            }
            List<String> labels = labels(line);
            if (!labels.isEmpty()) {
                elements.add(new Element(line, labels));
            }
        }
        return elements;
    }

    /** Every label of the diagram, lower-cased and joined: what components are looked for in. */
    public static String allLabels(String diagram) {
        return String.join(" . ", elements(diagram).stream().map(Element::sentence).toList()).toLowerCase(Locale.ROOT);
    }

    private static List<String> labels(String line) {
        List<String> labels = new ArrayList<>();
        Matcher sub = SUBGRAPH.matcher(line);
        String body = sub.matches() ? sub.group(1) : line;
        Matcher m = LABEL.matcher(body);
        while (m.find()) {
            addLabel(labels, m.group(1));
        }
        if (labels.isEmpty()) {
            Matcher message = MESSAGE.matcher(body);
            if (message.find()) {
                addLabel(labels, message.group(1));
            }
        }
        if (labels.isEmpty()) {
            Matcher words = WORDS.matcher(body.replaceAll("[-=.ox]*[-=.]+[>ox]?|<[-=.]+", " "));
            while (words.find()) {
                addLabel(labels, words.group().replace('_', ' '));
            }
        }
        return labels;
    }

    private static void addLabel(List<String> labels, String label) {
        String clean = label.replaceAll("\\s+", " ").strip();
        if (clean.chars().anyMatch(Character::isLetterOrDigit) && !labels.contains(clean)) {
            labels.add(clean);
        }
    }
}

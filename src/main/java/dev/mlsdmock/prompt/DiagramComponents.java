package dev.mlsdmock.prompt;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The components the offline interviewer recognises in a diagram, from {@code prompts/diagram-components.yaml}. */
public record DiagramComponents(List<Component> components, String unexplained, String missing,
                                @JsonProperty("ask-unexplained") String askUnexplained,
                                @JsonProperty("ask-missing") String askMissing) {

    /** A file with no components: the interviewer never mentions the diagram. */
    public static final DiagramComponents NONE = new DiagramComponents(List.of(), "", "", "", "");

    /** @param labels lower-case words that name the component in a diagram, an answer or a rubric signal */
    public record Component(String name, List<String> labels) {
    }

    DiagramComponents validate() {
        if (components == null) {
            throw new IllegalArgumentException("components: needs a list (it may be empty)");
        }
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c == null || c.name() == null || c.name().isBlank() || c.labels() == null || c.labels().isEmpty()) {
                throw new IllegalArgumentException("components[" + i + "]: needs a name and at least one label");
            }
        }
        for (String[] field : new String[][]{{"unexplained", unexplained}, {"missing", missing},
                {"ask-unexplained", askUnexplained}, {"ask-missing", askMissing}}) {
            if (field[1] == null || !field[1].contains("{component}")) {
                throw new IllegalArgumentException(field[0] + ": needs a sentence with {component}");
            }
        }
        return this;
    }
}

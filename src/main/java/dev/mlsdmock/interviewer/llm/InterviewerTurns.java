package dev.mlsdmock.interviewer.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnPlan.Kind;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The LLM interviewer's per-turn instructions, from {@code prompts/interviewer-turns.yaml}. */
public record InterviewerTurns(
        Map<String, String> instructions,
        @JsonProperty("reveal-facts") String revealFacts,
        @JsonProperty("not-specified") String notSpecified,
        @JsonProperty("requirement-change") String requirementChange,
        Map<String, String> events,
        @JsonProperty("requirement-changes") Map<String, String> requirementChanges) {

    public static final String FILE = "interviewer-turns.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Set<String> INSTRUCTION_PLACEHOLDERS = Set.of("{stage}", "{previous}", "{question}", "{minutes}",
            "{probe}");
    static final Set<String> VARIANTS = Set.of("probe-before-moving-on", "close-requested", "close-over-time");

    public String instruction(Kind kind) {
        return instructions.get(key(kind));
    }

    /**
     * The instruction for a planned turn: the variant for why it happens where there is one (a probe before leaving
     * on the candidate's request, a closing after a requested or an over-time last stage), else the kind's own.
     */
    public String instruction(TurnPlan plan) {
        String variant = switch (plan.kind()) {
            case PROBE -> plan.reason() == Kind.ADVANCE_REQUESTED ? "probe-before-moving-on" : null;
            case CLOSE -> plan.reason() == Kind.ADVANCE_REQUESTED ? "close-requested"
                    : plan.reason() == Kind.ADVANCE_OVER_TIME ? "close-over-time" : null;
            default -> null;
        };
        String text = variant == null ? null : instructions.get(variant);
        return text == null || text.isBlank() ? instruction(plan.kind()) : text;
    }

    public String requirementChangeFor(String problemId) {
        return requirementChanges.getOrDefault(problemId, requirementChanges.get("default"));
    }

    static String key(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    InterviewerTurns validate() {
        for (Kind kind : Kind.values()) {
            if (kind == Kind.DIAGRAM) {
                continue; // a candidate's diagram version: never a plan the interviewer words
            }
            require(instructions == null ? null : instructions.get(key(kind)), "instructions." + key(kind));
            onlyKnown(instructions.get(key(kind)), "instructions." + key(kind), INSTRUCTION_PLACEHOLDERS);
        }
        for (String variant : VARIANTS) {
            if (instructions.containsKey(variant)) {
                require(instructions.get(variant), "instructions." + variant);
                onlyKnown(instructions.get(variant), "instructions." + variant, INSTRUCTION_PLACEHOLDERS);
            }
        }
        require(revealFacts, "reveal-facts");
        require(notSpecified, "not-specified");
        require(requirementChange, "requirement-change");
        for (String event : new String[]{"open", "advance", "end"}) {
            require(events == null ? null : events.get(event), "events." + event);
        }
        require(requirementChanges == null ? null : requirementChanges.get("default"), "requirement-changes.default");
        return this;
    }

    /** A misspelt or retired placeholder (e.g. {signal}) would reach the model as literal text, or leak the rubric. */
    private static void onlyKnown(String value, String field, Set<String> known) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!known.contains(m.group())) {
                throw new IllegalArgumentException(field + ": unknown placeholder " + m.group() + "; known: " + known);
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is missing or empty");
        }
    }
}

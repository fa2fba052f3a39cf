package dev.mlsdmock.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake model that words a turn only from what the prompt's "Your next turn" part tells it, in its own words
 * (never the offline templates): the facts it is given, "not specified" when told, the one quoted question of the
 * instruction, the closing it is asked for. Installed as a fake server's default reply, it shows that the prompt
 * carries everything the server decided, so the decisions hold when a model words them.
 */
public final class WordingModel implements Function<JsonNode, FakeReply> {

    private static final Pattern FACTS = Pattern.compile("in your own words: (.+)");
    private static final Pattern CHANGE = Pattern.compile("from the product team, in your own words: \"([^\"]+)\"");
    private static final Pattern PROBE = Pattern.compile("without suggesting an answer:\\s*\"([^\"]+)\"");
    private static final Pattern SPIRIT = Pattern.compile("in the spirit of: \"([^\"]+)\"");
    private static final List<String> CONTINUE = List.of("Go on: what else belongs in this step?",
            "Fine. What would you add here?", "Understood. What else would you cover in this part?",
            "Noted. Anything else you would design for this step?", "Okay. Where would you take this next?");

    @Override
    public FakeReply apply(JsonNode request) {
        String system = request.path("messages").path(0).path("content").asText();
        int at = system.indexOf("# Your next turn");
        if (at < 0) {
            throw new AssertionError("The prompt has no 'Your next turn' part: " + system);
        }
        String instruction = system.substring(at);
        List<String> parts = new ArrayList<>();
        find(FACTS, instruction).filter(f -> instruction.contains("answer the candidate's question with these facts"))
                .ifPresent(f -> parts.add("Here is what I can share. " + f));
        if (instruction.contains("is not specified")) {
            parts.add("We have no figure for that, so state an assumption and carry on.");
        }
        find(CHANGE, instruction).ifPresent(c -> parts.add("News from the product team: " + c));
        parts.add(turn(instruction, assistantTurns(request)));
        return FakeReply.words(String.join(" ", parts));
    }

    private static String turn(String instruction, int spoken) {
        if (instruction.contains("Ask no question")) {
            if (instruction.contains("end of the time")) {
                return "We have reached the end of our time. Thank you; you will get feedback on each step.";
            }
            if (instruction.contains("wrap up here")) {
                return "Alright, we will wrap up here. Thank you; you will get feedback on each step.";
            }
            return "That was the last step. Thank you; you will get feedback on each step.";
        }
        Optional<String> probe = find(PROBE, instruction);
        if (probe.isPresent()) {
            String lead = instruction.contains("before moving on") ? "One more question before we move on. " : "";
            return lead + probe.get();
        }
        Optional<String> opener = find(SPIRIT, instruction);
        if (opener.isPresent()) {
            String lead = instruction.contains("Time for") ? "We are over time on that step, so let's move on. " : "Let's go on. ";
            return lead + opener.get();
        }
        return CONTINUE.get(spoken % CONTINUE.size());
    }

    private static int assistantTurns(JsonNode request) {
        int n = 0;
        for (JsonNode m : request.path("messages")) {
            n += "assistant".equals(m.path("role").asText()) ? 1 : 0;
        }
        return n;
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }
}

package dev.mlsdmock.grading.llm;

import dev.mlsdmock.coverage.Sentences;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.grading.InjectionDetector;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Transcript;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transcript as the LLM grader reads it: numbered turns inside one {@code <transcript>} fence. Every turn is
 * untrusted, the candidate's and, for an imported transcript, the interviewer's too, so every turn gets the same
 * treatment: sentences addressed to the grader are replaced by a marker and flagged, and nothing in the text can
 * forge structure (a {@code [seq N] role:} header, a role label at the start of a line, or the fence itself).
 * <p>
 * Sentences are found by their offsets in the original text and replaced there. (The old code searched for the
 * splitter's output in the text, and the splitter appends "?" to each clause of a compound question, so such a
 * clause was never found and an injection phrased as a question went through.)
 */
final class TranscriptFence {

    static final String REMOVED = "[removed: text addressed to the grader]";
    private static final Pattern FENCE = Pattern.compile("(?i)<\\s*/?\\s*transcript\\s*/?\\s*>");
    private static final Pattern HEADER = Pattern.compile("(?i)\\[(\\s*seq)\\b");
    private static final Pattern ROLE_LABEL = Pattern.compile(
            "(?im)^([^\\w\\n]*(?:\\(\\s*seq\\s*\\d*\\s*]\\s*)?)(interviewer|candidate|system|assistant|user|grader)(\\s*):");
    // The same boundaries as coverage.Sentences: . ! ? followed by whitespace, or a line break.
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\s*[\\r\\n]+\\s*");

    private TranscriptFence() {
    }

    static String fence(Transcript transcript, List<Flag> flags) {
        StringBuilder out = new StringBuilder();
        var diagram = transcript.latestDiagram();
        for (Transcript.Line line : transcript.lines()) {
            if (line.diagram() && diagram.get() != line) {
                continue; // an earlier version of the diagram: the latest one is graded
            }
            Filtered filtered = withhold(line.text());
            filtered.detail().ifPresent(detail -> flags.add(new Flag("injection", line.seq(), line.role() == Role.CANDIDATE
                    ? "The turn contains " + detail + "; it was withheld from the grader and earns nothing."
                    : "This interviewer turn contains " + detail + "; it was withheld from the grader.")));
            out.append("[seq ").append(line.seq()).append("] ").append(line.diagram() ? "candidate diagram (Mermaid)"
                    : line.role().id()).append(":\n")
                    .append(neutralise(filtered.text()).strip()).append("\n\n");
        }
        return out.toString().stripTrailing();
    }

    /** The text with every sentence the detector recognises (as a whole or in any of its clauses) replaced. */
    static Filtered withhold(String text) {
        StringBuilder out = new StringBuilder();
        String first = null;
        int start = 0;
        Matcher m = BOUNDARY.matcher(text);
        while (start < text.length()) {
            boolean found = m.find();
            int end = found ? m.start() : text.length();
            String sentence = text.substring(start, end);
            Optional<String> detail = detect(sentence);
            if (detail.isPresent()) {
                first = first == null ? detail.get() : first;
                out.append(REMOVED);
            } else {
                out.append(sentence);
            }
            if (!found) {
                break;
            }
            out.append(m.group());
            start = m.end();
        }
        return new Filtered(out.toString(), Optional.ofNullable(first));
    }

    private static Optional<String> detect(String sentence) {
        if (sentence.isBlank()) {
            return Optional.empty();
        }
        Optional<String> whole = InjectionDetector.detect(sentence);
        if (whole.isPresent()) {
            return whole;
        }
        return Sentences.split(sentence).stream().map(InjectionDetector::detect).flatMap(Optional::stream).findFirst();
    }

    /** Text that cannot close the fence, start a turn or pose as another speaker. */
    static String neutralise(String text) {
        String out = FENCE.matcher(text).replaceAll("[transcript tag]");
        out = HEADER.matcher(out).replaceAll("($1");
        return ROLE_LABEL.matcher(out).replaceAll("$1$2 (quoted)$3:");
    }

    record Filtered(String text, Optional<String> detail) {
    }
}

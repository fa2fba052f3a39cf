package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a grader's words fit to show the candidate, whichever grader wrote them: rubric ids become plain words,
 * bracketed notes and the offline grader's old internal labels go, and the text is cut to two sentences. The
 * scorecard promises rationales about the candidate in plain words; this is where that promise is kept in code.
 */
final class RationaleText {

    private static final Pattern BRACKETED_NOTE = Pattern.compile("\\s*\\[[^\\]]*\\]");
    private static final Pattern INTERNAL_LABEL = Pattern.compile("\\b(Reasoned|Thin|Not shown|No credit)\\s*:\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"“])");
    private static final int MAX_SENTENCES = 2;
    private static final int MAX_CHARS = 600;

    private RationaleText() {
    }

    /** The text without ids or internal notes, at most two sentences; null stays null. */
    static String clean(Rubric rubric, String text) {
        if (text == null) {
            return null;
        }
        String s = BRACKETED_NOTE.matcher(text).replaceAll("");
        s = INTERNAL_LABEL.matcher(s).replaceAll("");
        for (String id : idsLongestFirst(rubric)) {
            s = s.replace(id, plainWords(id));
        }
        s = s.replaceAll("\\s+", " ").strip();
        String[] sentences = SENTENCE_END.split(s);
        if (sentences.length > MAX_SENTENCES) {
            s = sentences[0] + " " + sentences[1];
        }
        if (s.length() > MAX_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_CHARS - 3);
            s = s.substring(0, cut > 0 ? cut : MAX_CHARS - 3) + "...";
        }
        return s.isEmpty() ? null : s;
    }

    /** Every id of the rubric that a grader might write; longest first so no id is replaced inside a longer one. */
    static List<String> idsLongestFirst(Rubric rubric) {
        List<String> ids = new ArrayList<>();
        for (Rubric.StageRubric stage : rubric.stages().values()) {
            stage.signals().forEach(s -> ids.add(s.id()));
            stage.redFlags().forEach(r -> ids.add(r.id()));
            stage.criteria().forEach(c -> ids.add(c.id()));
        }
        ids.sort(Comparator.comparingInt(String::length).reversed());
        return ids;
    }

    /** {@code grade-clarify-business-objective} reads "business objective". */
    static String plainWords(String id) {
        String s = id.replaceFirst("^(grade|rf)-", "");
        for (Stage stage : Stage.values()) {
            if (s.startsWith(stage.id() + "-")) {
                s = s.substring(stage.id().length() + 1);
                break;
            }
        }
        return s.replace('-', ' ');
    }
}

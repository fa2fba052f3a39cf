package dev.mlsdmock.grading;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.grading.Scorecard.Evidence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks every quote a grader cites against the transcript, in code: the quote must occur in the candidate turn
 * it names (ignoring case and runs of whitespace). A criterion keeps only its verified quotes, and a score above 0
 * without a single verified quote becomes 0. This is what keeps an LLM grader from inventing what was said.
 *
 * <p>A quote that does not verify is the grader's mistake, not the candidate's: it is dropped silently (never shown,
 * never a flag on the candidate's scorecard) and only counted, for calibration and logs.
 */
public final class EvidenceVerifier {

    private static final int MIN_QUOTE_CHARS = 8;

    /** What the candidate is told when a grader's score rested only on quotes that were not in the transcript. */
    static final String NO_VERIFIED_EVIDENCE = "Nothing the candidate said was found to support this criterion.";

    private EvidenceVerifier() {
    }

    /** The verdicts with only their verified quotes, and how many quotes were dropped. */
    public record Result(List<CriterionGrade> criteria, int droppedQuotes) {
    }

    public static Result verify(Transcript transcript, List<CriterionGrade> grades) {
        List<CriterionGrade> verified = new ArrayList<>();
        int dropped = 0;
        for (CriterionGrade grade : grades) {
            List<Evidence> kept = new ArrayList<>();
            for (Evidence e : grade.evidence()) {
                if (check(transcript, e).isEmpty()) {
                    if (!kept.contains(e)) {
                        kept.add(e);
                    }
                } else {
                    dropped++;
                }
            }
            if (grade.score() > 0 && kept.isEmpty()) {
                verified.add(new CriterionGrade(grade.criterionId(), 0, NO_VERIFIED_EVIDENCE, grade.missing(), kept));
            } else {
                verified.add(new CriterionGrade(grade.criterionId(), grade.score(), grade.shown(), grade.missing(), kept));
            }
        }
        return new Result(verified, dropped);
    }

    /** Why the quote does not verify, or empty when it occurs in the candidate turn it cites. */
    static Optional<String> check(Transcript transcript, Evidence e) {
        if (e.quote() == null || normalise(e.quote()).length() < MIN_QUOTE_CHARS) {
            return Optional.of("quote is empty or too short to verify");
        }
        Optional<Transcript.Line> line = transcript.line(e.seq());
        if (line.isEmpty()) {
            return Optional.of("there is no turn " + e.seq());
        }
        if (line.get().role() != Role.CANDIDATE) {
            return Optional.of("turn " + e.seq() + " is the interviewer's, not the candidate's");
        }
        if (!normalise(line.get().text()).contains(normalise(e.quote()))) {
            return Optional.of("the quote does not occur in turn " + e.seq());
        }
        return Optional.empty();
    }

    /** Case, Unicode form, typographic quotes and whitespace runs do not matter; the words do. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
        return s.replaceAll("\\s+", " ").strip();
    }
}

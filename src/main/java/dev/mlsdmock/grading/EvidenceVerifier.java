package dev.mlsdmock.grading;

import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.flow.Role;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks every quote a grader cites against the transcript, in code: the quote must occur in the candidate turn
 * it names (ignoring case and runs of whitespace). A criterion keeps only its verified quotes, and a score above 0
 * without a single verified quote becomes 0. This is what keeps an LLM grader from inventing what was said.
 */
public final class EvidenceVerifier {

    private static final int MIN_QUOTE_CHARS = 8;

    private EvidenceVerifier() {
    }

    public record Result(List<CriterionGrade> criteria, List<Flag> flags) {
    }

    public static Result verify(Transcript transcript, List<CriterionGrade> grades) {
        List<CriterionGrade> verified = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        for (CriterionGrade grade : grades) {
            List<Evidence> kept = new ArrayList<>();
            int rejected = 0;
            for (Evidence e : grade.evidence()) {
                Optional<String> problem = check(transcript, e);
                if (problem.isEmpty()) {
                    if (!kept.contains(e)) {
                        kept.add(e);
                    }
                } else {
                    rejected++;
                    flags.add(new Flag("unverified-evidence", e.seq(), grade.criterionId() + ": " + problem.get()));
                }
            }
            int score = grade.score();
            String rationale = grade.rationale();
            if (score > 0 && kept.isEmpty()) {
                score = 0;
                rationale = rationale + " [No credit: " + (rejected == 0 ? "no evidence was cited"
                        : rejected + " cited quote(s) do not occur in the candidate's turns") + ".]";
            } else if (rejected > 0) {
                rationale = rationale + " [" + rejected + " cited quote(s) did not verify and were dropped.]";
            }
            verified.add(new CriterionGrade(grade.criterionId(), score, rationale, kept));
        }
        return new Result(verified, flags);
    }

    private static Optional<String> check(Transcript transcript, Evidence e) {
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

package dev.mlsdmock.grading.offline;

import dev.mlsdmock.coverage.Keywords;
import dev.mlsdmock.coverage.Sentences;
import dev.mlsdmock.flow.DiagramText;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.InjectionDetector;
import dev.mlsdmock.grading.Scorecard.Flag;
import dev.mlsdmock.grading.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A candidate sentence as the offline grader weighs it: its turn and stage, its place in the turn, its text,
 * {@code normalised} (its text as rubric keywords are matched against it) and {@code context} (the sentence with
 * its neighbours in the same turn, where its reasoning usually is). {@code quote} is the sentence as it occurs in
 * the turn, so that the grader's own quotes always pass {@code EvidenceVerifier}: splitting may add a question mark
 * to a question's second half, which a quote must not carry.
 */
record CandidateSentence(int seq, Stage stage, int index, String sentence, String normalised, String context,
                         String quote) {

    /** Candidate sentences with their turn and neighbours; a turn with text addressed to the grader is flagged and dropped. */
    static List<CandidateSentence> of(Transcript transcript, List<Flag> flags) {
        List<CandidateSentence> units = new ArrayList<>();
        for (Transcript.Line line : transcript.candidateLines()) {
            if (line.diagram()) {
                diagram(line, units, flags);
                continue;
            }
            List<String> sentences = Sentences.split(line.text());
            List<String> clean = new ArrayList<>();
            String injection = null;
            for (String s : sentences) {
                var detected = InjectionDetector.detect(s);
                if (detected.isPresent()) {
                    injection = injection == null ? detected.get() : injection;
                } else {
                    clean.add(s);
                }
            }
            if (injection != null) {
                // The whole turn is ignored, not only the sentence addressed to the grader: an attempt to manipulate
                // the grade never pays, and an answer wrapped around it cannot be taken at face value.
                flags.add(new Flag("injection", line.seq(), "The turn contains " + injection
                        + "; the turn was ignored and earns nothing."));
                continue;
            }
            for (int i = 0; i < clean.size(); i++) {
                String context = clean.get(i) + (i + 1 < clean.size() ? " " + clean.get(i + 1) : "")
                        + (i > 0 ? " " + clean.get(i - 1) : "");
                units.add(new CandidateSentence(line.seq(), line.stage(), i, clean.get(i),
                        Keywords.normalise(clean.get(i)), context, quoteOf(clean.get(i), line.text())));
            }
        }
        return units;
    }

    /**
     * The candidate's diagram: each drawn line is a statement made of its labels (an edge reads "A → B"), and its
     * quote is the line as written. Like an answer, a diagram with text addressed to the grader earns nothing.
     */
    private static void diagram(Transcript.Line line, List<CandidateSentence> units, List<Flag> flags) {
        List<DiagramText.Element> elements = DiagramText.elements(line.text());
        for (DiagramText.Element e : elements) {
            var detected = InjectionDetector.detect(e.sentence());
            if (detected.isPresent()) {
                flags.add(new Flag("injection", line.seq(), "The diagram contains " + detected.get()
                        + "; the diagram was ignored and earns nothing."));
                return;
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            String sentence = elements.get(i).sentence();
            units.add(new CandidateSentence(line.seq(), line.stage(), i, sentence, Keywords.normalise(sentence), sentence,
                    elements.get(i).line()));
        }
    }

    /** The sentence as it occurs in the turn: without the question mark that splitting may have added. */
    private static String quoteOf(String sentence, String turn) {
        String text = turn.replaceAll("\\s+", " ");
        if (!text.contains(sentence.replaceAll("\\s+", " ")) && sentence.endsWith("?")) {
            return sentence.substring(0, sentence.length() - 1).strip();
        }
        return sentence;
    }
}

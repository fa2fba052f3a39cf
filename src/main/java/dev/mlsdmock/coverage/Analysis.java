package dev.mlsdmock.coverage;

import dev.mlsdmock.rubric.Rubric.Fact;

import java.util.List;
import java.util.Set;

/**
 * What one candidate message contains, as far as the interview is concerned.
 *
 * @param signalIds          rubric signals (of any stage) the message shows
 * @param askedFacts         rubric facts the candidate asked about, in the order asked
 * @param unansweredQuestions questions that match no fact (the interviewer says it is not specified)
 * @param wantsToMoveOn      the candidate asked to go on to the next step
 */
public record Analysis(Set<String> signalIds, List<Fact> askedFacts, int unansweredQuestions, boolean wantsToMoveOn) {

    public static Analysis empty() {
        return new Analysis(Set.of(), List.of(), 0, false);
    }
}

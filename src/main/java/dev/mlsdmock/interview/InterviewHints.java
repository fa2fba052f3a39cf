package dev.mlsdmock.interview;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What this instance last saw of each running interview it serves: its problem, stage and the interviewer's last
 * words, which is all an answer's analysis needs. With a hint the analysis runs while the interview is read rather
 * than after it; the read then confirms the hint, and when another instance moved the interview on meanwhile the
 * analysis is simply done again. A hint is never the truth, only a head start, so losing one costs nothing.
 */
@ApplicationScoped
public class InterviewHints {

    /** Enough for every interview a busy instance serves at once; the least recently used is forgotten first. */
    static final int MAX_INTERVIEWS = 10_000;

    private final Map<UUID, Hint> hints = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Hint> eldest) {
            return size() > MAX_INTERVIEWS;
        }
    });

    Optional<Hint> of(UUID id) {
        return Optional.ofNullable(hints.get(id));
    }

    /** The interview as just read. */
    void saw(UUID id, String problemId, InterviewState state) {
        hints.put(id, new Hint(problemId, state.stage(), state.lastInterviewerText()));
    }

    /** An interviewer turn this instance stored: it is the last words now, in the stage the interview is in. */
    void spoke(UUID id, String problemId, TurnView turn, boolean ended) {
        if (ended) {
            hints.remove(id); // no answer follows a closing turn
        } else {
            hints.put(id, new Hint(problemId, turn.stage(), turn.text()));
        }
    }

    /** @param lastInterviewerText null before the interviewer's first turn */
    record Hint(String problemId, Stage stage, String lastInterviewerText) {

        boolean matches(String problemId, InterviewState state) {
            return this.problemId.equals(problemId) && stage == state.stage()
                    && Objects.equals(lastInterviewerText, state.lastInterviewerText());
        }
    }
}

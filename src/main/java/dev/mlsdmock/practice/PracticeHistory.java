package dev.mlsdmock.practice;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.queue.Scorecards;
import dev.mlsdmock.interview.Interview;
import dev.mlsdmock.interview.InterviewService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The graded sessions of an account, read the way the home page reads them: its newest {@value #LOOK_BACK} interviews
 * and drills, each with its newest ready scorecard (one still being graded, or never graded, is left out).
 */
@ApplicationScoped
public class PracticeHistory {

    /** How many of the newest sessions the plan reads: enough for the averages' window and a drill's spacing. */
    static final int LOOK_BACK = 50;

    private final InterviewService interviews;
    private final Scorecards scorecards;

    public PracticeHistory(InterviewService interviews, Scorecards scorecards) {
        this.interviews = interviews;
        this.scorecards = scorecards;
    }

    public List<Session> graded(long accountId) {
        List<Session> sessions = new ArrayList<>();
        for (Interview i : interviews.list(accountId, 0, LOOK_BACK)) {
            if (i.isActive() || !(scorecards.current(i.id) instanceof Scorecards.Ready ready)) {
                continue;
            }
            Scorecard card = ready.scorecard();
            Map<Stage, Integer> scores = new EnumMap<>(Stage.class);
            card.stages().forEach(s -> Stage.fromId(s.stage()).ifPresent(stage -> scores.put(stage, s.score())));
            boolean well = card.drill() != null && !Scorecard.BELOW_BAR.equals(card.drill().verdict());
            sessions.add(new Session(i.id, i.problemId, card.level(), i.drill, i.endedAt == null ? i.createdAt : i.endedAt,
                    scores, well));
        }
        return sessions;
    }
}

package dev.mlsdmock.grading.queue;

import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.interview.InterviewEnded;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues grading when an interview ends, however it ended (WebSocket {@code end}, the interviewer's close, or
 * {@code POST /api/interviews/{id}/end}). Only a database insert happens here; the grading itself is the worker's.
 */
@ApplicationScoped
public class GradingTrigger {

    private final InterviewService interviews;
    private final GradingQueue queue;
    private final GradingConfig config;

    public GradingTrigger(InterviewService interviews, GradingQueue queue, GradingConfig config) {
        this.interviews = interviews;
        this.queue = queue;
        this.config = config;
    }

    void onEnded(@Observes InterviewEnded event) {
        interviews.find(event.interviewId()).ifPresent(interview ->
                queue.enqueueNow(interview.id(), Grader.defaultKind(config.llm()), Level.fromId(interview.level()).orElse(Level.DEFAULT)));
    }
}

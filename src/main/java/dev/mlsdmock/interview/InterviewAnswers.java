package dev.mlsdmock.interview;

import dev.mlsdmock.coverage.Analysis;
import dev.mlsdmock.coverage.CoverageDetector;
import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.interview.InterviewDialogue.Acknowledged;
import dev.mlsdmock.interview.InterviewDialogue.Prepared;
import dev.mlsdmock.interview.InterviewDialogue.Spoken;
import dev.mlsdmock.interview.InterviewDialogue.Stored;
import dev.mlsdmock.interview.InterviewHints.Hint;
import dev.mlsdmock.interviewer.SpeechCancelled;
import dev.mlsdmock.rubric.Rubric;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A candidate's answer: stored, echoed and replied to, with the reply started while the answer is written. The reply
 * is planned from the interview as read just before the write, so an LLM request leaves once the answer is analysed
 * instead of after the write's lock, insert and commit as well (bench/RESULTS.md, "LLM interviewer: first delta").
 * Nothing reaches the client early or out of order: the echo is sent once the answer is committed, and the reply's
 * words wait for it ({@link ReplyGate}). When the write shows that someone else wrote first (another connection or
 * instance), the started words are dropped unseen and the reply is planned again from the interview as locked.
 */
@ApplicationScoped
public class InterviewAnswers {

    private final InterviewDialogue dialogue;
    private final CoverageDetector coverage;
    private final StagePolicy policy;
    private final InterviewHints hints;
    private final InterviewConfig config;
    private final Clock clock;
    /** Writes answers beside the reply; as many threads as the database pool has connections, the queue absorbs bursts. */
    private final ExecutorService writer;

    public InterviewAnswers(InterviewDialogue dialogue, CoverageDetector coverage, StagePolicy policy, InterviewHints hints,
                            InterviewConfig config, Clock clock,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "16") int poolSize) {
        this.dialogue = dialogue;
        this.coverage = coverage;
        this.policy = policy;
        this.hints = hints;
        this.config = config;
        this.clock = clock;
        this.writer = Executors.newFixedThreadPool(Math.max(1, poolSize), task -> {
            Thread t = new Thread(task, "answer-writer");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }

    /**
     * Stores the answer (or finds the one stored before under the same client id), calls {@code echo} once with it
     * before any word of the reply, and returns the interviewer's stored reply; empty for an answer stored before.
     */
    public Optional<Spoken> answer(UUID id, String clientId, String text, Consumer<Acknowledged> echo,
                                   BiConsumer<Integer, String> deltas) {
        AnswerCheck.check(clientId, text, config.maxAnswerChars());
        Optional<Hint> hint = hints.of(id);
        // With a hint, the answer is analysed while the interview is read (the read runs on the writer's threads).
        CompletableFuture<Read> reading = hint.isPresent()
                ? CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> read(id, clientId)), writer)
                : CompletableFuture.completedFuture(QuarkusTransaction.requiringNew().call(() -> read(id, clientId)));
        Analysis guess = hint.map(h -> analyze(h.problemId(), h.stage(), text, h.lastInterviewerText())).orElse(null);
        Read read = ReplyGate.joined(reading);
        if (read.existing().isPresent()) {
            echo.accept(new Acknowledged(read.existing().get(), true, null, null));
            return Optional.empty();
        }
        hints.saw(id, read.problemId(), read.state());
        Rubric rubric = dialogue.rubricOf(read.problemId());
        InterviewState before = read.state();
        Analysis analysis = guess != null && hint.get().matches(read.problemId(), before) ? guess
                : analyze(read.problemId(), before.stage(), text, before.lastInterviewerText());
        Instant at = Instant.now(clock);
        int seq = read.state().lastSeq() + 1;
        TurnView answer = candidate(id, seq, before, text, at, clientId, analysis).view();
        InterviewState expected = before.with(answer);
        ReplyGate gate = new ReplyGate(CompletableFuture.supplyAsync(() -> {
            Acknowledged ack = QuarkusTransaction.requiringNew().call(() -> store(id, clientId, text, at, analysis));
            echo.accept(ack);
            return ack;
        }, writer), seq, expected);
        TurnPlan plan = policy.reply(rubric, expected, analysis, at);
        try {
            return dialogue.say(id, new Prepared(rubric, expected, plan, seq), gate.deltas(deltas), gate::confirm);
        } catch (SpeechCancelled e) {
            Acknowledged ack = gate.await(); // the write's own failure, if it failed, is what the client hears
            return ack.duplicate() ? Optional.empty() : dialogue.replyTo(id, ack, deltas);
        }
    }

    /** Embedding work, done before the interview's row lock is taken. */
    private Analysis analyze(String problemId, Stage stage, String text, String lastInterviewerText) {
        return coverage.analyze(dialogue.rubricOf(problemId), stage, text, lastInterviewerText);
    }

    private Read read(UUID id, String clientId) {
        Interview interview = InterviewIds.require(id);
        InterviewState state = interview.state(Turn.transcript(id).stream().map(Turn::view).toList());
        Optional<TurnView> existing = storedUnder(state, clientId);
        if (existing.isEmpty() && !interview.isActive()) {
            throw ended();
        }
        return new Read(interview.problemId, state, existing);
    }

    /** The write: under the interview's lock, so two connections or instances never interleave turns. */
    private Acknowledged store(UUID id, String clientId, String text, Instant at, Analysis analysis) {
        Interview interview = InterviewIds.lock(id);
        InterviewState state = interview.state(Turn.transcript(id).stream().map(Turn::view).toList());
        Optional<TurnView> raced = storedUnder(state, clientId);
        if (raced.isPresent()) {
            return new Acknowledged(raced.get(), true, null, null);
        }
        if (!interview.isActive()) {
            throw ended();
        }
        Turn turn = candidate(id, state.lastSeq() + 1, state, text, at, clientId, analysis);
        turn.persist();
        // The state a reply is planned from when the one started beside this write no longer holds.
        return new Acknowledged(turn.view(), false, analysis, new Stored(interview.problemId, state.with(turn.view())));
    }

    /** The answer stored before under this client id (a re-send), found in the transcript already read. */
    private static Optional<TurnView> storedUnder(InterviewState state, String clientId) {
        return state.turns().stream().filter(t -> clientId.equals(t.clientId())).findFirst();
    }

    /** The same turn whether built for the plan or for the write, so a plan made before the write matches it. */
    private static Turn candidate(UUID id, int seq, InterviewState state, String text, Instant at, String clientId,
                                  Analysis analysis) {
        return Turn.candidate(id, seq, state.stage(), text, at, clientId, analysis.signalIds())
                .promptedBy(state.promptedBy(analysis.signalIds()));
    }

    private static ApiException ended() {
        return ApiException.conflict("interview_ended", "This interview has ended; answers are no longer taken. "
                + "Start a new interview to practise again.");
    }

    private record Read(String problemId, InterviewState state, Optional<TurnView> existing) {
    }
}

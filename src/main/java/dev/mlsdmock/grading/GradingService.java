package dev.mlsdmock.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.budget.DailyTokenBudget;
import dev.mlsdmock.budget.MeteredAccount;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Scorecard.Fallback;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricRegistry;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entry point of grading: makes and stores one scorecard, and reads stored ones. The transcript is read in a
 * short transaction, graded with no transaction open (an LLM may take a minute), and the scorecard stored in another.
 * The graders are the {@link Grader} beans (offline and LLM, in their own packages). When the LLM grader fails after
 * its retries, the offline grader grades instead and the scorecard says so ({@code fallback} and an
 * {@code llm-fallback} flag).
 */
@ApplicationScoped
public class GradingService {

    private static final Logger LOG = Logger.getLogger(GradingService.class);

    private final InterviewService interviews;
    private final RubricRegistry rubrics;
    private final Map<String, Grader> graders;
    private final ObjectMapper json;
    private final Clock clock;
    private final DailyTokenBudget daily;

    public GradingService(InterviewService interviews, RubricRegistry rubrics, @All List<Grader> graders, ObjectMapper json,
                          Clock clock, DailyTokenBudget daily) {
        this.interviews = interviews;
        this.rubrics = rubrics;
        this.graders = graders.stream().collect(Collectors.toUnmodifiableMap(Grader::kind, Function.identity()));
        if (!this.graders.containsKey(Grader.OFFLINE)) {
            throw new IllegalStateException("No offline grader bean: the offline grader is every scorecard's fallback");
        }
        this.json = json;
        this.clock = clock;
        this.daily = daily;
    }

    /** Grades the interview and stores the scorecard; returns its id. */
    public UUID gradeAndStore(UUID interviewId, String grader, Level level) {
        record Loaded(String problemId, Transcript transcript, long accountId, Stage drill) {
        }
        Loaded loaded = interviews.find(interviewId)
                .map(i -> new Loaded(i.problemId(), Transcript.of(i.turns()), i.accountId(), i.drill()))
                .orElseThrow(() -> new IllegalStateException("Interview " + interviewId + " no longer exists"));
        Rubric full = rubrics.find(loaded.problemId()).orElseThrow(() -> new IllegalStateException(
                "The rubric of problem '" + loaded.problemId() + "' is not loaded; restore rubrics/" + loaded.problemId() + ".yaml"));
        // A drill is graded on its stage's criteria alone, by whichever grader.
        Rubric rubric = loaded.drill() == null ? full : full.onlyStage(loaded.drill());
        Prompting prompting = new Prompting(interviews.signalOrigins(interviewId).stream().collect(Collectors.toMap(
                InterviewService.SignalOrigin::signalId, InterviewService.SignalOrigin::via, (a, b) -> a)));
        Scorecard card = grade(interviewId, loaded.accountId(), rubric, loaded.transcript(), grader, level, prompting,
                loaded.drill());
        String body = serialise(card);
        QuarkusTransaction.requiringNew().run(() -> {
            ScorecardRecord record = new ScorecardRecord();
            record.id = card.id();
            record.interviewId = interviewId;
            record.createdAt = card.createdAt();
            record.grader = card.grader();
            record.level = card.level();
            record.rubricId = card.rubricId();
            record.rubricVersion = card.rubricVersion();
            record.overall = card.overall();
            record.recommendation = card.drill() == null ? card.recommendation() : "drill:" + card.drill().verdict();
            record.body = body;
            record.persist();
        });
        return card.id();
    }

    Scorecard grade(UUID interviewId, long accountId, Rubric rubric, Transcript transcript, String grader, Level level,
                    Prompting prompting, Stage drill) {
        Grader offline = graders.get(Grader.OFFLINE);
        Grader chosen = graders.getOrDefault(grader, offline);
        Grade grade;
        Fallback fallback = null;
        if (chosen != offline && daily.spent(accountId)) {
            LOG.infof("Account %d has spent its daily LLM budget; interview %s is graded offline", accountId, interviewId);
            grade = offline.grade(rubric, transcript);
            fallback = new Fallback(chosen.label(), "daily_token_budget_spent: this account has used today's AI budget of "
                    + daily.limit() + " tokens (it renews at 00:00 UTC), so the offline grader graded this interview.");
        } else if (chosen != offline) {
            try {
                // Every call the LLM grader makes is charged to the interview's account (grading.llm.GraderUsageListener).
                grade = MeteredAccount.run(accountId, () -> chosen.grade(rubric, transcript));
            } catch (RuntimeException e) {
                // Users get a fixed sentence for the kind of failure; the provider's own text is for operators only.
                LOG.warnf("LLM grading of interview %s failed; grading it offline instead: %s", interviewId, detail(e));
                grade = offline.grade(rubric, transcript);
                fallback = new Fallback(chosen.label(), describe(e));
            }
        } else {
            grade = offline.grade(rubric, transcript);
        }
        return ScorecardBuilder.build(UUID.randomUUID(), interviewId, rubric, level, transcript, grade, fallback,
                Instant.now(clock), prompting, drill);
    }

    public Scorecard read(ScorecardRecord record) {
        try {
            return json.readValue(record.body, Scorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scorecard " + record.id + " is not readable", e);
        }
    }

    private String serialise(Scorecard card) {
        try {
            return json.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise scorecard " + card.id(), e);
        }
    }

    /**
     * The failure for users: a fixed sentence for its class ({@link ProviderError}), never the provider's text, which
     * may name internal hosts. Stored with a failed job and shown in scorecards.
     */
    public static String describe(Throwable e) {
        return ProviderError.of(e).summary();
    }

    /**
     * The failure for operators' logs: every cause's type and message (at most 2,000 characters), with anything
     * that looks like a key or a bearer token masked.
     */
    public static String detail(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " < ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(SECRET.matcher(t.getMessage().replaceAll("\\s+", " ")).replaceAll("$1***"));
            }
        }
        return out.length() > 2000 ? out.substring(0, 2000) + "..." : out.toString();
    }

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
            "(?i)(bearer\\s+|api[-_]?key[\"'=:\\s]+|authorization[\"'=:\\s]+|\\bsk-)[A-Za-z0-9._~+/=-]+");
}

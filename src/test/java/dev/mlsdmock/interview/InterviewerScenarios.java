package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan.Kind;
import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.Rubric.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interviewer test suite of docs/interviewer.md: one scripted conversation per behaviour, on several problems,
 * with the real embedding model and stage policy. After every scenario the whole transcript is checked for what
 * must always hold: one question per turn, no question asked twice, no rubric text leaked.
 * <p>
 * What the server decides (which facts, which probe, when a stage ends, why the interview closes, the hints) is
 * checked on the plans, so it holds for any wording; the offline wording is checked on top where it is exact.
 * Subclasses choose who words the turns: {@link InterviewerScenariosTest} the offline interviewer, the LLM ones a model.
 */
abstract class InterviewerScenarios {

    private static final String NOT_SPECIFIED = "isn't specified";
    private final List<ScriptedInterview> interviews = new ArrayList<>();

    /** A new interview on the problem, worded by the interviewer under test. */
    abstract ScriptedInterview newInterview(String problem);

    /** Whether turns are worded by the offline templates, so their exact text can be checked too. */
    abstract boolean offlineWording();

    @Test
    void aFactAskedInNewWordsIsAnsweredWithThatFactAndNoOther() {
        ScriptedInterview harm = interview("harmful-content-detection");
        String reply = harm.say("How much time can the check add when someone hits publish?");
        assertRevealed(harm, "latency");
        assertOnlyFacts(harm.rubric, reply, "latency");
        if (offlineWording()) {
            assertThat(reply).startsWith(fact(harm.rubric, "latency")).doesNotContain(NOT_SPECIFIED);
        }

        ScriptedInterview video = interview("video-recommendation");
        reply = video.say("How many videos are in the library?");
        assertRevealed(video, "scale");
        assertOnlyFacts(video.rubric, reply, "scale");
        if (offlineWording()) {
            assertThat(reply).startsWith(fact(video.rubric, "scale"));
        }
    }

    @Test
    void aCompoundQuestionGetsTheFactsItAsksForAndNoNotSpecified() {
        ScriptedInterview harm = interview("harmful-content-detection");
        String reply = harm.say("Which harm categories are in scope, what can we do to a post, and what languages do people write in?");
        assertThat(harm.lastPlan().factIds()).contains("harm-categories").doesNotContain("business-goal");
        assertThat(harm.lastPlan().unanswered()).as("not specified next to a fact").isZero();
        assertThat(reply).doesNotContain(fact(harm.rubric, "business-goal"));
        if (offlineWording()) {
            assertThat(reply).contains(fact(harm.rubric, "harm-categories")).doesNotContain(NOT_SPECIFIED);
        }
    }

    @Test
    void aBackReferenceIsAnsweredFromTheInterviewersLastQuestion() {
        ScriptedInterview harm = interview("harmful-content-detection");
        harm.say("Which kinds of harm are in scope?");
        assertThat(harm.lastPlan().probeId()).isEqualTo("clarify-scale-and-volume");
        String reply = harm.say("Can you tell me?");
        // "How much content are we checking" also reads as a question about users (they all post): both figures
        // come from the rubric, so nothing is "not specified". Known over-answer, see docs/interviewer.md.
        assertThat(harm.lastPlan().factIds()).contains("scale").isSubsetOf("scale", "users");
        assertThat(harm.lastPlan().unanswered()).isZero();
        assertOnlyFacts(harm.rubric, reply, "scale", "users");
        if (offlineWording()) {
            assertThat(reply).contains(fact(harm.rubric, "scale")).doesNotContain(NOT_SPECIFIED);
        }

        ScriptedInterview news = interview("news-feed");
        news.say("What kind of engagement do we want?");
        String probe = news.interviewerTexts().get(news.interviewerTexts().size() - 1);
        reply = news.say("What would you assume?");
        assertThat(news.lastPlan().unanswered()).as("after: " + probe).isZero();
        if (offlineWording()) {
            assertThat(reply).as("after: " + probe).doesNotContain(NOT_SPECIFIED);
        }
    }

    @Test
    void aThinAnswerIsProbedOnTheKeySignalBeforeTheStageEnds() {
        thinAnswerGetsKeyProbe("news-feed", Stage.FRAME, "I'd train a model on past posts.");
        thinAnswerGetsKeyProbe("news-feed", Stage.MODEL, "I'd use a neural network.");
        thinAnswerGetsKeyProbe("news-feed", Stage.EVALUATE, "I'd look at the AUC on a held-out set.");
        thinAnswerGetsKeyProbe("harmful-content-detection", Stage.MODEL, "A transformer over the text.");
        thinAnswerGetsKeyProbe("video-recommendation", Stage.EVALUATE, "Recall at k for retrieval.");
    }

    private void thinAnswerGetsKeyProbe(String problem, Stage stage, String thin) {
        ScriptedInterview i = interview(problem).at(stage);
        i.say(thin);
        Signal key = keySignal(i.rubric, stage);
        assertThat(i.stage()).isEqualTo(stage);
        assertThat(i.lastPlan().kind()).as(problem + " " + stage).isEqualTo(Kind.PROBE);
        assertThat(i.lastPlan().probeId()).isEqualTo(key.id());
        if (offlineWording()) {
            assertThat(i.interviewerTexts().get(i.interviewerTexts().size() - 1)).endsWith(key.probe());
        }
    }

    @Test
    void aMoveOnRequestWithAKeyGapGetsThatOneQuestionFirst() {
        ScriptedInterview video = interview("video-recommendation").at(Stage.MODEL);
        String reply = video.say("I'd use a two-tower network. Let's move on to the next step.");
        assertThat(video.stage()).isEqualTo(Stage.MODEL);
        assertThat(video.lastPlan().kind()).isEqualTo(Kind.PROBE);
        assertThat(video.lastPlan().reason()).as("a probe before moving on").isEqualTo(Kind.ADVANCE_REQUESTED);
        assertThat(video.lastPlan().probeId()).isEqualTo(keySignal(video.rubric, Stage.MODEL).id());
        if (offlineWording()) {
            assertThat(reply).startsWith("Before we move on").endsWith(keySignal(video.rubric, Stage.MODEL).probe());
        }
        video.say("Let's move on.");
        assertThat(video.stage()).isEqualTo(Stage.EVALUATE);
        assertThat(video.lastPlan().kind()).isEqualTo(Kind.ADVANCE_REQUESTED);
    }

    @Test
    void anOverTimeStageMovesOnAndTheClosingSaysWhyItEnded() {
        ScriptedInterview ads = interview("ad-click-prediction").at(Stage.DATA);
        ads.elapse(Duration.ofMinutes(9));
        String moved = ads.say("Labels come from clicks.");
        assertThat(ads.lastPlan().kind()).isEqualTo(Kind.ADVANCE_OVER_TIME);
        assertThat(ads.stage()).isEqualTo(Stage.MODEL);

        ScriptedInterview late = interview("ad-click-prediction").at(Stage.MONITOR);
        late.elapse(Duration.ofMinutes(6));
        String overTime = late.say("I'd watch for drift.");
        assertThat(late.ended()).isTrue();
        assertThat(late.lastPlan().kind()).isEqualTo(Kind.CLOSE);
        assertThat(late.lastPlan().reason()).isEqualTo(Kind.ADVANCE_OVER_TIME);

        ScriptedInterview early = interview("ad-click-prediction").at(Stage.MONITOR);
        String closing = early.say("Let's move on to the next step.");
        assertThat(early.ended()).isTrue();
        assertThat(early.lastPlan().reason()).isEqualTo(Kind.ADVANCE_REQUESTED);
        assertThat(closing).doesNotContainIgnoringCase("end of the time").doesNotContainIgnoringCase("end of our time");
        if (offlineWording()) {
            assertThat(moved).containsAnyOf("over the time", "interest of time");
            assertThat(overTime).contains("end of the time");
            assertThat(closing).contains("seven steps");
        }
    }

    @Test
    void theHintLadderNudgesThenPointsAndNeverGivesTheAnswer() {
        ScriptedInterview harm = interview("harmful-content-detection").at(Stage.FRAME);
        Signal key = keySignal(harm.rubric, Stage.FRAME);
        assertThat(harm.hint()).isEqualTo(key.hints().get(0));
        assertThat(harm.hint()).isEqualTo(key.hints().get(1));
        String third = harm.hint();
        assertThat(harm.lastPlan().probeId()).isNotEqualTo(key.id());
        assertThat(third).startsWith("A hint:");
        assertThat(harm.hint()).startsWith("A more specific pointer:");
        String last = "";
        for (int n = 0; n < 10 && !last.startsWith("No more hints"); n++) {
            last = harm.hint();
        }
        assertThat(last).startsWith("No more hints");
        assertThat(harm.stage()).isEqualTo(Stage.FRAME);
    }

    @Test
    void aSignalShownAfterAProbeIsRecordedAsPrompted() {
        ScriptedInterview video = interview("video-recommendation").at(Stage.MODEL);
        video.say("I'd use a two-tower network for retrieval.");
        int probeSeq = video.turns().size();
        assertThat(video.lastPlan().probeId()).isEqualTo("model-baseline-tradeoffs");
        video.say("As a baseline I'd compare against a popularity model and a logistic regression; a deep ranker "
                + "costs more to serve and adds latency, so it has to beat them clearly.");
        assertThat(video.turns().get(probeSeq).promptedBy()).containsEntry("model-baseline-tradeoffs", probeSeq);
    }

    @AfterEach
    void everyTurnIsRealistic() {
        for (ScriptedInterview i : interviews) {
            Set<String> questions = new HashSet<>();
            for (String text : i.interviewerTexts()) {
                assertThat(text.chars().filter(c -> c == '?').count()).as("one question per turn: " + text).isLessThanOrEqualTo(1);
                if (text.contains("?")) {
                    String question = text.substring(Math.max(text.lastIndexOf(". ", text.indexOf('?')) + 1, 0)).strip();
                    assertThat(questions.add(question)).as("asked twice: " + question).isTrue();
                }
                rubricText(i.rubric).forEach(secret -> assertThat(text).as("leaks rubric text").doesNotContain(secret));
            }
            checkTranscript(i);
        }
    }

    /** Checks made on every transcript beyond the common ones, e.g. that a model worded every turn. */
    void checkTranscript(ScriptedInterview interview) {
    }

    private ScriptedInterview interview(String problem) {
        ScriptedInterview i = newInterview(problem);
        i.open();
        interviews.add(i);
        return i;
    }

    private static Stream<String> rubricText(Rubric rubric) {
        return rubric.stages().values().stream().flatMap(s -> Stream.concat(
                s.signals().stream().flatMap(sig -> Stream.concat(Stream.of(sig.description()), sig.examples().stream())),
                Stream.concat(s.redFlags().stream().map(Rubric.RedFlag::description),
                        s.criteria().stream().flatMap(c -> c.levels().stream()))));
    }

    private static String fact(Rubric rubric, String id) {
        return rubric.fact(id).orElseThrow().answer();
    }

    private static void assertRevealed(ScriptedInterview i, String factId) {
        assertThat(i.lastPlan().factIds()).as("the facts revealed").containsExactly(factId);
        assertThat(i.lastPlan().unanswered()).as("questions called not specified").isZero();
    }

    private static void assertOnlyFacts(Rubric rubric, String reply, String... ids) {
        Set<String> allowed = Set.of(ids);
        rubric.facts().stream().filter(f -> !allowed.contains(f.id()))
                .forEach(f -> assertThat(reply).as("volunteered " + f.id()).doesNotContain(f.answer()));
    }

    private static Signal keySignal(Rubric rubric, Stage stage) {
        return rubric.stage(stage).signals().stream().filter(Signal::key).findFirst().orElseThrow();
    }
}

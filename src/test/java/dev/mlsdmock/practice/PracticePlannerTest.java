package dev.mlsdmock.practice;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.practice.PracticePlan.Entry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The practice plan's rules (docs/grading.md, "Practice plan"): weakest first, ties, spacing, no history. */
class PracticePlannerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("ad-click-prediction", "Ad click prediction");
        TITLES.put("news-feed", "Personalised news feed");
    }

    private final PracticePlanner planner = new PracticePlanner(s -> s.id() + " step", TITLES);
    private int counter;

    @Test
    void noHistorySuggestsAFirstClarifyDrillOnTheFirstProblem() {
        PracticePlan plan = planner.plan(List.of(), T0);

        assertThat(plan.sessions()).isZero();
        assertThat(plan.next()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo("clarify");
            assertThat(s.problemId()).isEqualTo("ad-click-prediction");
            assertThat(s.level()).isEqualTo("senior");
            assertThat(s.due()).isEqualTo(T0);
            assertThat(s.reason()).contains("No graded interview or drill yet").contains("Ad click prediction");
        });
        assertThat(plan.schedule()).hasSize(7).allSatisfy(e -> assertThat(e.average()).isNull());
    }

    @Test
    void weakestStagesComeFirstAndTiesKeepInterviewOrder() {
        Map<Stage, Integer> scores = all(70);
        scores.put(Stage.EVALUATE, 30);
        scores.put(Stage.DATA, 45);
        scores.put(Stage.MODEL, 45);
        PracticePlan plan = planner.plan(List.of(interview("news-feed", T0.minus(Duration.ofDays(2)), scores)), T0);

        assertThat(plan.next()).extracting(PracticePlan.Suggestion::stage).containsExactly("evaluate", "data", "model");
        assertThat(plan.next().get(0).reason()).startsWith("Your weakest step due now: ")
                .contains("Evaluate step averages 30/100 over your last 1 graded session.")
                .contains("Drill it on Personalised news feed");
        assertThat(plan.next().get(0).problemId()).isEqualTo("news-feed");
        assertThat(plan.next().get(0).due()).isEqualTo(T0);
    }

    @Test
    void averagesCoverTheNewestSessionsAndTheProblemIsWhereTheStageScoredLowest() {
        List<Session> sessions = new ArrayList<>();
        sessions.add(interview("news-feed", T0.minus(Duration.ofDays(3)), all(40)));
        sessions.add(interview("ad-click-prediction", T0.minus(Duration.ofDays(2)), all(60)));
        PracticePlan plan = planner.plan(sessions, T0);

        Entry clarify = entry(plan, Stage.CLARIFY);
        assertThat(clarify.average()).isEqualTo(50);
        assertThat(clarify.scored()).isEqualTo(2);
        assertThat(clarify.problemId()).isEqualTo("news-feed");
        assertThat(plan.sessions()).isEqualTo(2);
    }

    @Test
    void goodDrillsSpaceRepeatsOutAndAPoorOneBringsTheStageBackToOneDay() {
        List<Session> sessions = new ArrayList<>();
        sessions.add(interview("news-feed", T0, all(50)));
        Instant d1 = T0.plus(Duration.ofHours(1));
        sessions.add(drill(Stage.EVALUATE, d1, 80, true));
        assertThat(entry(planner.plan(sessions, d1), Stage.EVALUATE)).satisfies(e -> {
            assertThat(e.intervalDays()).isEqualTo(1);
            assertThat(e.due()).isEqualTo(d1.plus(Duration.ofDays(1)));
        });

        Instant d2 = d1.plus(Duration.ofDays(1));
        sessions.add(drill(Stage.EVALUATE, d2, 80, true));
        Instant d3 = d2.plus(Duration.ofDays(3));
        sessions.add(drill(Stage.EVALUATE, d3, 80, true));
        Instant d4 = d3.plus(Duration.ofDays(7));
        sessions.add(drill(Stage.EVALUATE, d4, 80, true));
        assertThat(entry(planner.plan(sessions, d4), Stage.EVALUATE).intervalDays()).isEqualTo(14);
        Instant d5 = d4.plus(Duration.ofDays(14));
        sessions.add(drill(Stage.EVALUATE, d5, 80, true));
        assertThat(entry(planner.plan(sessions, d5), Stage.EVALUATE).intervalDays()).as("14 days is the longest").isEqualTo(14);

        Instant d6 = d5.plus(Duration.ofDays(14));
        sessions.add(drill(Stage.EVALUATE, d6, 20, false));
        Entry poor = entry(planner.plan(sessions, d6), Stage.EVALUATE);
        assertThat(poor.intervalDays()).isEqualTo(1);
        assertThat(poor.due()).isEqualTo(d6.plus(Duration.ofDays(1)));
        assertThat(poor.drills()).isEqualTo(6);
    }

    @Test
    void aStageDrilledWellLeavesTheNextSuggestionsUntilItsRepeatIsDue() {
        Map<Stage, Integer> scores = all(70);
        scores.put(Stage.EVALUATE, 20);
        scores.put(Stage.SERVE, 50); // evaluate averages (20 + 70) / 2 = 45 after its drill: still the weakest
        List<Session> sessions = new ArrayList<>(List.of(interview("news-feed", T0, scores)));
        Instant drilled = T0.plus(Duration.ofHours(2));
        sessions.add(drill(Stage.EVALUATE, drilled, 70, true));

        PracticePlan sameDay = planner.plan(sessions, drilled.plus(Duration.ofHours(1)));
        assertThat(sameDay.next()).extracting(PracticePlan.Suggestion::stage).doesNotContain("evaluate").startsWith("serve");

        PracticePlan nextDay = planner.plan(sessions, drilled.plus(Duration.ofDays(1)));
        assertThat(nextDay.next()).extracting(PracticePlan.Suggestion::stage).startsWith("evaluate");
        assertThat(nextDay.next().get(0).reason()).contains("Your last drill of it was on 2026-03-02");
    }

    @Test
    void withNothingDueTheFirstUpcomingRepeatIsSuggested() {
        List<Session> sessions = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            sessions.add(drill(stage, T0.plus(Duration.ofMinutes(stage.ordinal())), 90, true));
        }
        PracticePlan plan = planner.plan(sessions, T0.plus(Duration.ofHours(1)));

        assertThat(plan.next()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo("clarify");
            assertThat(s.due()).isEqualTo(T0.plus(Duration.ofDays(1)));
            assertThat(s.reason()).startsWith("Nothing is due today");
        });
    }

    @Test
    void theSamePlanForTheSameDataAndClockWhateverTheOrder() {
        List<Session> sessions = new ArrayList<>(List.of(interview("news-feed", T0, all(50)),
                drill(Stage.DATA, T0.plus(Duration.ofHours(1)), 30, false), interview("ad-click-prediction", T0, all(50))));
        PracticePlan one = planner.plan(sessions, T0.plus(Duration.ofDays(2)));
        java.util.Collections.reverse(sessions);
        assertThat(planner.plan(sessions, T0.plus(Duration.ofDays(2)))).isEqualTo(one);
    }

    private static Entry entry(PracticePlan plan, Stage stage) {
        return plan.schedule().stream().filter(e -> e.stage().equals(stage.id())).findFirst().orElseThrow();
    }

    private static Map<Stage, Integer> all(int score) {
        Map<Stage, Integer> scores = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            scores.put(s, score);
        }
        return scores;
    }

    private Session interview(String problem, Instant at, Map<Stage, Integer> scores) {
        return new Session(id(), problem, "senior", null, at, scores, false);
    }

    private Session drill(Stage stage, Instant at, int score, boolean well) {
        return new Session(id(), "news-feed", "senior", stage, at, Map.of(stage, score), well);
    }

    private UUID id() {
        return new UUID(0, ++counter);
    }
}

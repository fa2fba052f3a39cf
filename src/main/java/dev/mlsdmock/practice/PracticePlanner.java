package dev.mlsdmock.practice;

import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.practice.PracticePlan.Entry;
import dev.mlsdmock.practice.PracticePlan.Suggestion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans the next stage drills from graded sessions (docs/grading.md, "Practice plan"). Pure and deterministic: the
 * same sessions and the same {@code now} give the same plan.
 * <ul>
 * <li>Weakness: a stage's average is taken over the newest {@value #WINDOW} graded sessions that scored it, as the
 * home page's per-stage progress does (a drill scores its one stage).</li>
 * <li>Spacing: each drill of a stage that met the level's bar moves its next repeat further out, 1, 3, 7 then 14
 * days after it; a drill below the bar brings it back to 1 day. A stage never drilled is due now.</li>
 * <li>Next: the stages due now, weakest first (ties in interview order; stages no session scored come last).
 * With nothing due, the repeat coming up first. With no graded session at all, a first drill of clarifying the
 * requirements on the first problem.</li>
 * </ul>
 */
public final class PracticePlanner {

    /** The days between a drill and its repeat, by how many good drills in a row the stage has had. */
    public static final List<Integer> INTERVAL_DAYS = List.of(1, 3, 7, 14);
    /** Sessions per stage the average covers: the home page's per-stage progress window. */
    public static final int WINDOW = 10;
    public static final int MAX_NEXT = 3;
    static final String DEFAULT_LEVEL = "senior";

    private final Function<Stage, String> stageNames;
    private final Map<String, String> problemTitles;

    /**
     * @param stageNames    a stage's name in a sentence, e.g. "evaluation"
     * @param problemTitles every problem's title by id, in the order a first suggestion picks from
     */
    public PracticePlanner(Function<Stage, String> stageNames, Map<String, String> problemTitles) {
        this.stageNames = stageNames;
        this.problemTitles = problemTitles;
    }

    public PracticePlan plan(List<Session> graded, Instant now) {
        List<Session> newest = graded.stream().sorted(Comparator.comparing(Session::at).reversed()
                .thenComparing(s -> s.interviewId().toString())).toList();
        if (newest.isEmpty()) {
            return firstPlan(now);
        }
        String level = newest.get(0).level() == null ? DEFAULT_LEVEL : newest.get(0).level();
        List<Entry> schedule = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            schedule.add(entry(stage, newest, now));
        }
        List<Entry> due = schedule.stream().filter(e -> !e.due().isAfter(now)).sorted(WEAKEST_FIRST).toList();
        List<Suggestion> next = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_NEXT, due.size()); i++) {
            next.add(suggestion(due.get(i), level, i == 0 && due.get(i).average() != null ? "Your weakest step due now: "
                    : ""));
        }
        if (next.isEmpty()) {
            schedule.stream().min(Comparator.comparing(Entry::due).thenComparing(e -> Stage.of(e.stage())))
                    .ifPresent(e -> next.add(suggestion(e, level, "Nothing is due today; this repeat comes first: ")));
        }
        return new PracticePlan(now, List.copyOf(next), List.copyOf(schedule), newest.size());
    }

    private static final Comparator<Entry> WEAKEST_FIRST = Comparator
            .comparing((Entry e) -> e.average() == null ? Integer.MAX_VALUE : e.average())
            .thenComparing(e -> Stage.of(e.stage()));

    private Entry entry(Stage stage, List<Session> newest, Instant now) {
        List<Session> scoring = newest.stream().filter(s -> s.scores().containsKey(stage)).limit(WINDOW).toList();
        Integer average = scoring.isEmpty() ? null
                : (int) Math.round(scoring.stream().mapToInt(s -> s.scores().get(stage)).average().orElseThrow());
        // The lowest score wins; of equal ones the newest, as scoring is newest first.
        String problem = scoring.stream().min(Comparator.comparing(s -> s.scores().get(stage))).map(Session::problemId)
                .orElse(firstProblem());
        List<Session> drills = newest.stream().filter(s -> s.drill() == stage).sorted(Comparator.comparing(Session::at)).toList();
        if (drills.isEmpty()) {
            return new Entry(stage.id(), average, scoring.size(), 0, null, null, now, problem);
        }
        int step = -1;
        for (Session drill : drills) {
            step = drill.drilledWell() ? Math.min(step + 1, INTERVAL_DAYS.size() - 1) : 0;
        }
        int days = INTERVAL_DAYS.get(step);
        Instant last = drills.get(drills.size() - 1).at();
        return new Entry(stage.id(), average, scoring.size(), drills.size(), last, days,
                last.plus(Duration.ofDays(days)), problem);
    }

    private Suggestion suggestion(Entry e, String level, String lead) {
        Stage stage = Stage.of(e.stage());
        String name = stageNames.apply(stage);
        String where = " Drill it on " + title(e.problemId());
        String why;
        if (e.average() == null) {
            why = capitalised(name) + " has no graded answer yet." + where + ".";
        } else {
            String average = capitalised(name) + " averages " + e.average() + "/100 over your last " + e.scored()
                    + " graded session" + (e.scored() == 1 ? "" : "s") + ".";
            if (e.lastDrilled() == null) {
                why = average + " You have not drilled it yet." + where + ", where it scored lowest.";
            } else {
                why = average + " Your last drill of it was on " + date(e.lastDrilled()) + (e.intervalDays() == 1
                        ? "; a repeat comes back after 1 day until a drill meets the bar."
                        : "; it met the bar, so the repeat comes " + e.intervalDays() + " days after it.")
                        + where + ".";
            }
        }
        return new Suggestion(e.problemId(), e.stage(), level, e.due(), lead + why);
    }

    private PracticePlan firstPlan(Instant now) {
        List<Entry> schedule = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            schedule.add(new Entry(stage.id(), null, 0, 0, null, null, now, firstProblem()));
        }
        Suggestion first = new Suggestion(firstProblem(), Stage.CLARIFY.id(), DEFAULT_LEVEL, now,
                "No graded interview or drill yet. Start with " + stageNames.apply(Stage.CLARIFY) + ", the step every "
                        + "interview opens with, on " + title(firstProblem()) + "; after a full interview or a few "
                        + "drills the plan picks your weakest step.");
        return new PracticePlan(now, List.of(first), List.copyOf(schedule), 0);
    }

    private String firstProblem() {
        return problemTitles.keySet().stream().findFirst().orElse(null);
    }

    private String title(String problemId) {
        return problemTitles.getOrDefault(problemId, problemId);
    }

    private static String date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

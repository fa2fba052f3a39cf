package dev.mlsdmock.grading.calibration;

import dev.mlsdmock.grading.Scorecard;
import dev.mlsdmock.grading.calibration.CalibrationSet.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The figures of one grader over a calibration set, and the report printed from them. Figures compare labelled
 * transcripts of the same problem only (rubrics differ in how hard they are).
 */
final class CalibrationReport {

    /** A graded sample; {@code derived} names a variant made by the harness (e.g. {@code evaluation-first}), or null. */
    record Graded(Sample sample, String derived, Scorecard card, long millis, int droppedQuotes) {

        String id() {
            return sample.id() + (derived == null ? "" : " [" + derived + "]");
        }

        int score() {
            return card.overall();
        }
    }

    /**
     * @param spearman            Spearman(score, expected rank) over every sample, rank 1 = best (so -1 is perfect)
     * @param worstProblemSpearman the highest (worst) per-problem Spearman
     * @param orderingFailures    pairs of one problem where the sample expected higher did not score higher
     * @param adversarialMargin   the most a keyword-stuffed or injection sample scored above its problem's weak one
     * @param reorderDelta        the largest |score change| when a transcript's stages are told in another order
     * @param conciseMinusVerbose the lowest (terse variant - its verbose base)
     * @param rationaleLeaks      rationales that contain a rubric id or a bracketed note
     * @param droppedQuotes       the grader's own quotes that did not verify
     */
    record Figures(double spearman, double worstProblemSpearman, List<String> orderingFailures, int adversarialMargin,
                   int reorderDelta, int conciseMinusVerbose, int rationaleLeaks, int droppedQuotes, Graded slowest,
                   Map<Integer, Band> levels) {
    }

    /** The labelled transcripts of one expected level: how many, their scores, how many got a recommendation in band. */
    record Band(int n, double mean, int min, int max, int inBand) {
    }

    private static final Pattern BRACKET = Pattern.compile("\\[[^\\]]*\\]");

    private CalibrationReport() {
    }

    static Figures figures(List<Graded> all, Map<String, Set<String>> rubricIds) {
        List<Graded> labelled = all.stream().filter(g -> g.derived() == null).toList();
        double spearman = spearman(labelled);
        double worst = -1;
        List<String> failures = new ArrayList<>();
        int margin = Integer.MIN_VALUE;
        for (List<Graded> problem : byProblem(labelled).values()) {
            if (problem.stream().map(g -> g.sample().expected()).distinct().count() > 1) {
                worst = Math.max(worst, spearman(problem));
            }
            for (Graded a : problem) {
                for (Graded b : problem) {
                    if (a.sample().expected() > b.sample().expected() && a.score() <= b.score()) {
                        failures.add(a.id() + " " + a.score() + " <= " + b.id() + " " + b.score());
                    }
                }
                Optional<Graded> weak = base(problem, "weak");
                if (a.sample().adversarial() && weak.isPresent()) {
                    margin = Math.max(margin, a.score() - weak.get().score());
                }
            }
        }
        int reorder = 0;
        int concise = Integer.MAX_VALUE;
        for (Graded g : all) {
            // A variant made by the harness is compared with the transcript it was made from; a variant file with the
            // base transcript of its quality.
            Optional<Graded> base = g.derived() != null
                    ? all.stream().filter(x -> x.derived() == null && x.sample() == g.sample()).findFirst()
                    : base(all.stream().filter(x -> x.sample().problemId().equals(g.sample().problemId())).toList(),
                    g.sample().quality());
            if (base.isEmpty() || base.get() == g) {
                continue;
            }
            String variant = g.derived() != null ? g.derived() : g.sample().variant();
            if (variant.contains("reordered") || variant.contains("first") || variant.contains("staged")) {
                reorder = Math.max(reorder, Math.abs(g.score() - base.get().score()));
            } else if (variant.contains("terse")) {
                concise = Math.min(concise, g.score() - base.get().score());
            }
        }
        int leaks = 0;
        for (Graded g : all) {
            Set<String> ids = rubricIds.get(g.sample().problemId());
            for (Scorecard.CriterionScore c : g.card().criteria()) {
                String text = String.valueOf(c.rationale());
                if (BRACKET.matcher(text).find() || ids.stream().anyMatch(text::contains)) {
                    leaks++;
                }
            }
        }
        int dropped = all.stream().mapToInt(Graded::droppedQuotes).sum();
        Graded slowest = all.stream().max(Comparator.comparingLong(Graded::millis)).orElseThrow();
        Map<Integer, Band> levels = new TreeMap<>();
        labelled.stream().collect(Collectors.groupingBy(g -> g.sample().expected(), TreeMap::new, Collectors.toList()))
                .forEach((level, gs) -> {
                    var stats = gs.stream().mapToInt(Graded::score).summaryStatistics();
                    int agree = (int) gs.stream().filter(g -> inBand(level, g.card().recommendation())).count();
                    levels.put(level, new Band(gs.size(), stats.getAverage(), stats.getMin(), stats.getMax(), agree));
                });
        return new Figures(spearman, worst, failures, margin == Integer.MIN_VALUE ? 0 : margin, reorder,
                concise == Integer.MAX_VALUE ? 0 : concise, leaks, dropped, slowest, levels);
    }

    static String text(String grader, List<Graded> all, Figures f) {
        StringBuilder out = new StringBuilder("Calibration of " + grader + " on " + all.size() + " gradings\n");
        for (Graded g : all) {
            out.append(String.format(Locale.ROOT, "  %-44s expected %d  score %3d %-12s %5d ms%s%n", g.id(),
                    g.sample().expected(), g.score(), g.card().recommendation(), g.millis(), flags(g.card())));
        }
        out.append(String.format(Locale.ROOT, "Spearman(score, expected rank): %.3f (worst problem %.3f)%n", f.spearman(),
                f.worstProblemSpearman()));
        out.append("Ordering failures: ").append(f.orderingFailures().size()).append('\n');
        f.orderingFailures().forEach(s -> out.append("  ").append(s).append('\n'));
        out.append("Per expected level (score mean, min-max, recommendation in band):\n");
        f.levels().forEach((level, b) -> out.append(String.format(Locale.ROOT,
                "  level %d: n=%d mean %.1f spread %d-%d, in band %d/%d%n", level, b.n(), b.mean(), b.min(), b.max(),
                b.inBand(), b.n())));
        out.append("Keyword salad / injection above the weak answer, at most: ").append(f.adversarialMargin()).append('\n');
        out.append("Largest change from telling the stages in another order: ").append(f.reorderDelta()).append('\n');
        out.append("Concise minus verbose, lowest: ").append(f.conciseMinusVerbose()).append('\n');
        out.append("Rationales with an id or a note: ").append(f.rationaleLeaks())
                .append("; grader quotes that did not verify: ").append(f.droppedQuotes()).append('\n');
        out.append("Slowest grade: ").append(f.slowest().millis()).append(" ms (").append(f.slowest().id()).append(")\n");
        return out.toString();
    }

    /** Every criterion of one grading: score, what was shown, what was missing. */
    static String detail(Graded g) {
        StringBuilder out = new StringBuilder(g.id()).append('\n');
        for (Scorecard.CriterionScore c : g.card().criteria()) {
            out.append(String.format(Locale.ROOT, "    %d/3 %-40s %s%n", c.score(), c.id(), c.rationale()));
        }
        return out.toString();
    }

    /** The recommendations a sample of that expected level may fairly get. */
    static boolean inBand(int level, String recommendation) {
        return switch (level) {
            case 3 -> Set.of("strong-hire", "hire").contains(recommendation);
            case 2 -> Set.of("hire", "lean-hire", "lean-no-hire").contains(recommendation);
            default -> Set.of("lean-no-hire", "no-hire").contains(recommendation);
        };
    }

    private static String flags(Scorecard card) {
        String types = card.flags().stream().map(Scorecard.Flag::type).distinct().collect(Collectors.joining(","));
        return types.isEmpty() ? "" : "  flags: " + types;
    }

    private static Optional<Graded> base(List<Graded> problem, String quality) {
        return problem.stream().filter(g -> g.derived() == null && g.sample().variant() == null
                && g.sample().quality().equals(quality)).findFirst();
    }

    private static Map<String, List<Graded>> byProblem(List<Graded> graded) {
        return graded.stream().collect(Collectors.groupingBy(g -> g.sample().problemId(), TreeMap::new, Collectors.toList()));
    }

    private static double spearman(List<Graded> graded) {
        double[] scores = graded.stream().mapToDouble(Graded::score).toArray();
        double[] ranks = graded.stream().mapToDouble(g -> 4 - g.sample().expected()).toArray();
        return Spearman.of(scores, ranks);
    }
}

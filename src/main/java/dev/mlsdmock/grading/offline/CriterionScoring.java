package dev.mlsdmock.grading.offline;

import dev.mlsdmock.grading.CriterionGrade;
import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * From the best evidence of each signal to a criterion's 0-3 score, its quotes, and two plain sentences about this
 * candidate: what they showed (which of the criterion's points, and with what reasoning) and what the next score
 * needed. The rubric's level descriptor is not repeated here: the scorecard shows it apart, as "what a 3 looks like".
 */
final class CriterionScoring {

    private static final int MAX_QUOTES = 3;
    private static final int MAX_POINTS_NAMED = 2;

    private CriterionScoring() {
    }

    /**
     * @param description the rubric description of a signal, by id ("Asks about the latency budget ...")
     */
    static CriterionGrade grade(Criterion criterion, Map<String, SignalMatch> bestBySignal,
                                Function<String, String> description) {
        double sum = 0;
        List<String> reasoned = new ArrayList<>();
        List<String> thin = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<SignalMatch> found = new ArrayList<>();
        for (String signalId : criterion.signals()) {
            SignalMatch m = bestBySignal.get(signalId);
            String point = point(description.apply(signalId));
            if (m == null) {
                missing.add(point);
                continue;
            }
            sum += m.credit();
            found.add(m);
            (m.substance().bareList() ? listed : m.substance().points() >= 2 ? reasoned : thin)
                    .add(point + reasons(m.substance()));
        }
        double value = sum / criterion.signals().size();
        int score = value < 0.15 ? 0 : value < 0.4 ? 1 : value < 0.75 ? 2 : 3;
        List<Evidence> evidence = found.stream()
                .sorted(Comparator.comparingDouble(SignalMatch::credit).reversed().thenComparingInt(m -> m.unit().seq()))
                .map(m -> new Evidence(m.unit().seq(), m.unit().quote()))
                .distinct().limit(MAX_QUOTES).toList();
        return new CriterionGrade(criterion.id(), score, shown(reasoned, thin, listed),
                score == 3 ? null : next(score, missing, thin, listed), evidence);
    }

    private static String shown(List<String> reasoned, List<String> thin, List<String> listed) {
        List<String> parts = new ArrayList<>();
        if (!reasoned.isEmpty()) {
            parts.add("Showed with reasoning: " + join(reasoned) + ".");
        }
        if (!thin.isEmpty()) {
            // "partly": a thin match says the candidate went toward the point, not that they made it in full
            parts.add((reasoned.isEmpty() ? "Partly addressed" : "Also partly addressed, without the why") + ": " + join(thin) + ".");
        }
        if (!listed.isEmpty() && parts.size() < 2) {
            parts.add("Only named in a list of terms: " + join(listed) + ".");
        }
        return parts.isEmpty() ? "Nothing the candidate said addressed this criterion." : String.join(" ", parts);
    }

    private static String next(int score, List<String> missing, List<String> thin, List<String> listed) {
        String prefix = "For a " + (score + 1) + ": ";
        if (!missing.isEmpty()) {
            return prefix + (score == 0 ? "" : "also ") + join(missing) + ".";
        }
        List<String> shallow = new ArrayList<>(listed);
        shallow.addAll(thin);
        return prefix + "give the reason, a number or a trade-off behind this point: "
                + join(shallow.stream().map(s -> s.replaceFirst(" \\(.*\\)$", "")).toList()) + ".";
    }

    /** "Asks about the latency budget." reads "asks about the latency budget". */
    private static String point(String description) {
        String s = description.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static String join(List<String> points) {
        List<String> named = points.size() > MAX_POINTS_NAMED ? points.subList(0, MAX_POINTS_NAMED) : points;
        String more = points.size() > MAX_POINTS_NAMED ? "; and " + (points.size() - MAX_POINTS_NAMED) + " more" : "";
        return String.join("; ", named) + more;
    }

    private static String reasons(Substance s) {
        if (s.bareList()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (s.reason()) {
            parts.add("a reason");
        }
        if (s.number()) {
            parts.add("numbers");
        }
        if (s.tradeOff()) {
            parts.add("a trade-off");
        }
        if (s.specific()) {
            parts.add("this problem's specifics");
        }
        return parts.isEmpty() ? "" : " (with " + String.join(", ", parts) + ")";
    }
}

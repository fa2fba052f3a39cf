package dev.mlsdmock.grading.offline;

import dev.mlsdmock.grading.CriterionGrade;
import dev.mlsdmock.grading.Scorecard.Evidence;
import dev.mlsdmock.rubric.Rubric.Criterion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * From the best evidence of each signal to a criterion's 0-3 score, its quotes and a rationale that says which
 * signals were reasoned, which only thin, and which not shown.
 */
final class CriterionScoring {

    private static final int MAX_QUOTES = 3;

    private CriterionScoring() {
    }

    static CriterionGrade grade(Criterion criterion, Map<String, SignalMatch> bestBySignal) {
        double sum = 0;
        List<String> strong = new ArrayList<>();
        List<String> thin = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<SignalMatch> found = new ArrayList<>();
        for (String signalId : criterion.signals()) {
            SignalMatch m = bestBySignal.get(signalId);
            if (m == null) {
                missing.add(signalId);
                continue;
            }
            sum += m.credit();
            found.add(m);
            (m.substance().points() >= 2 ? strong : thin).add(signalId + " (" + describe(m.substance()) + ")");
        }
        double value = sum / criterion.signals().size();
        int score = value < 0.15 ? 0 : value < 0.4 ? 1 : value < 0.75 ? 2 : 3;
        List<Evidence> evidence = found.stream()
                .sorted(Comparator.comparingDouble(SignalMatch::credit).reversed().thenComparingInt(m -> m.unit().seq()))
                .map(m -> new Evidence(m.unit().seq(), m.unit().sentence()))
                .distinct().limit(MAX_QUOTES).toList();
        StringBuilder rationale = new StringBuilder(criterion.levels().get(score));
        if (!strong.isEmpty()) {
            rationale.append(" Reasoned: ").append(String.join("; ", strong)).append('.');
        }
        if (!thin.isEmpty()) {
            rationale.append(" Thin: ").append(String.join("; ", thin)).append('.');
        }
        if (!missing.isEmpty()) {
            rationale.append(" Not shown: ").append(String.join(", ", missing)).append('.');
        }
        return new CriterionGrade(criterion.id(), score, rationale.toString(), evidence);
    }

    private static String describe(Substance s) {
        if (s.bareList()) {
            return "only listed as a bare term, which earns nothing";
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
            parts.add("problem specifics");
        }
        return parts.isEmpty() ? "stated without reasoning" : "with " + String.join(", ", parts);
    }
}

package dev.mlsdmock.grading.importing;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the turns of an imported transcript in stages, so the stored interview reads like one run here: a
 * candidate turn moves to the stage it shows most rubric signals of, never backwards; an interviewer turn belongs
 * to the stage of the answer that follows it (the question opens that stage).
 */
final class StagePlacement {

    private StagePlacement() {
    }

    /**
     * @param roles    the role of each turn
     * @param detected for each turn, the rubric signals it shows (empty for interviewer turns)
     * @return the stage of each turn
     */
    static List<Stage> stages(Rubric rubric, List<Role> roles, List<Set<String>> detected) {
        Stage current = Stage.CLARIFY;
        Stage[] result = new Stage[roles.size()];
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) != Role.CANDIDATE) {
                continue;
            }
            Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
            for (String signal : detected.get(i)) {
                for (Stage s : Stage.values()) {
                    if (rubric.stage(s).signals().stream().anyMatch(sig -> sig.id().equals(signal))) {
                        counts.merge(s, 1, Integer::sum);
                    }
                }
            }
            Stage best = current;
            int bestCount = counts.getOrDefault(current, 0);
            for (Stage s : Stage.values()) {
                if (s.ordinal() > current.ordinal() && counts.getOrDefault(s, 0) > bestCount) {
                    best = s;
                    bestCount = counts.get(s);
                }
            }
            current = best;
            result[i] = current;
        }
        // Interviewer turns belong to the stage of the answer that follows them (the question opens that stage).
        Stage next = current;
        for (int i = roles.size() - 1; i >= 0; i--) {
            if (result[i] == null) {
                result[i] = next;
            } else {
                next = result[i];
            }
        }
        return List.of(result);
    }
}

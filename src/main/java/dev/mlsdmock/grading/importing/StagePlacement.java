package dev.mlsdmock.grading.importing;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.rubric.Rubric;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the turns of an imported transcript in stages, so the stored interview reads like one run here. A turn
 * whose stage the import names keeps it. Otherwise a candidate turn goes to the stage it shows most rubric signals
 * of, forwards or backwards (real interviews come back to metrics or data late); a turn that shows none, or ties,
 * stays in the stage of the answer before it. An unlabelled interviewer turn belongs to the stage of the answer that
 * follows it (the question opens that stage). The grader does not depend on this placement (a stage is only a weak
 * prior there); it is what the replay and the stage chart read. Public for the calibration harness, which places
 * transcripts the way an import does.
 */
public final class StagePlacement {

    private StagePlacement() {
    }

    /**
     * @param roles    the role of each turn
     * @param detected for each turn, the rubric signals it shows (empty for interviewer turns)
     * @param given    for each turn, the stage the import named, or null
     * @return the stage of each turn
     */
    public static List<Stage> stages(Rubric rubric, List<Role> roles, List<Set<String>> detected, List<Stage> given) {
        Map<String, Stage> stageOfSignal = new java.util.HashMap<>();
        rubric.stages().forEach((stage, r) -> r.signals().forEach(sig -> stageOfSignal.put(sig.id(), stage)));
        Stage current = Stage.CLARIFY;
        Stage[] result = new Stage[roles.size()];
        for (int i = 0; i < roles.size(); i++) {
            if (given.get(i) != null) {
                result[i] = given.get(i);
                if (roles.get(i) == Role.CANDIDATE) {
                    current = given.get(i);
                }
                continue;
            }
            if (roles.get(i) != Role.CANDIDATE) {
                continue;
            }
            Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
            for (String signal : detected.get(i)) {
                Stage s = stageOfSignal.get(signal);
                if (s != null) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
            Stage best = current;
            int bestCount = counts.getOrDefault(current, 0);
            for (Map.Entry<Stage, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            current = best;
            result[i] = current;
        }
        // Unlabelled interviewer turns belong to the stage of the answer that follows them (the question opens it).
        Stage next = current;
        for (int i = roles.size() - 1; i >= 0; i--) {
            if (result[i] == null) {
                result[i] = next;
            } else if (roles.get(i) == Role.CANDIDATE) {
                next = result[i];
            }
        }
        return new ArrayList<>(List.of(result));
    }
}

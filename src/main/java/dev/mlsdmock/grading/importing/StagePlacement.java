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
 * whose stage the import names keeps it. Otherwise a candidate turn answers the question before it: it goes to the
 * stage that question asked about, or, when the question names none, stays in the stage of the answer before it;
 * unless the turn shows more rubric signals of another stage, forwards or backwards (real interviews come back to
 * metrics or data late), which then wins. A stage the question asked about counts as one signal more: one stray
 * signal of another stage in a short answer does not move it away from the question it answers. An unlabelled
 * interviewer turn belongs to the stage of the answer that follows it (the question opens that stage). The grader does not depend on this placement (a stage is only a weak
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
        return stages(rubric, roles, detected, given, java.util.Collections.nCopies(roles.size(), null));
    }

    /**
     * @param asked for each turn, the stage an interviewer turn's question asks about, or null (always null for
     *              candidate turns)
     */
    public static List<Stage> stages(Rubric rubric, List<Role> roles, List<Set<String>> detected, List<Stage> given,
                                     List<Stage> asked) {
        Map<String, Stage> stageOfSignal = new java.util.HashMap<>();
        rubric.stages().forEach((stage, r) -> r.signals().forEach(sig -> stageOfSignal.put(sig.id(), stage)));
        Stage current = Stage.CLARIFY;
        Stage question = null;
        Stage[] result = new Stage[roles.size()];
        for (int i = 0; i < roles.size(); i++) {
            if (given.get(i) != null) {
                result[i] = given.get(i);
                if (roles.get(i) == Role.CANDIDATE) {
                    current = given.get(i);
                    question = null;
                }
                continue;
            }
            if (roles.get(i) != Role.CANDIDATE) {
                if (asked.get(i) != null) {
                    current = asked.get(i);
                    question = asked.get(i);
                }
                continue;
            }
            Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
            for (String signal : detected.get(i)) {
                Stage s = stageOfSignal.get(signal);
                if (s != null) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
            if (question != null) {
                counts.merge(question, 1, Integer::sum);
                question = null;
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

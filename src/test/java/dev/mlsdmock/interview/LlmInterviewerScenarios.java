package dev.mlsdmock.interview;

import dev.mlsdmock.flow.InterviewState;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;
import dev.mlsdmock.flow.Role;
import dev.mlsdmock.interviewer.InterviewerSwitch;
import dev.mlsdmock.interviewer.ModelInterviewer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interviewer scenarios with a model wording the turns: each interview is an LLM interview spoken through the
 * application's {@link InterviewerSwitch}, as in production (hints are said as the rubric writes them, also there).
 * Every other turn must come from the model: a turn the offline interviewer had to speak instead (the model failed
 * or said something unusable) fails the scenario, so a pass means the model worded it.
 */
abstract class LlmInterviewerScenarios extends InterviewerScenarios {

    @Inject
    InterviewerSwitch interviewers;

    @Inject
    ModelInterviewer model;

    @BeforeEach
    void aModelIsConfigured() {
        assertThat(model.label()).as("interviewer.llm is off: set INTERVIEWER_LLM and the provider's keys (docs/llm.md)")
                .isNotEmpty();
    }

    @Override
    ScriptedInterview newInterview(String problem) {
        return new ScriptedInterview(problem, interviewers, InterviewState.LLM);
    }

    @Override
    boolean offlineWording() {
        return false;
    }

    @Override
    void checkTranscript(ScriptedInterview interview) {
        for (TurnView turn : interview.turns()) {
            if (turn.role() == Role.INTERVIEWER && turn.kind() != TurnPlan.Kind.HINT) {
                assertThat(ModelInterviewer.isModelSource(turn.source()))
                        .as("turn %d was worded by %s, not the model (%s): %s", turn.seq(), turn.source(),
                                interview.notices(), turn.text()).isTrue();
            }
        }
    }
}

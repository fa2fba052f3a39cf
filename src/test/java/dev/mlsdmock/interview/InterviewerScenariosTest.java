package dev.mlsdmock.interview;

/**
 * The interviewer scenarios against the offline interviewer, in the normal build: the plans and the exact offline
 * wording. {@code LlmInterviewerScenariosTest} runs the same scenarios against a configured LLM
 * (docs/interviewer.md), {@code FakeLlmInterviewerScenariosTest} against a fake OpenAI-compatible server.
 */
class InterviewerScenariosTest extends InterviewerScenarios {

    @Override
    ScriptedInterview newInterview(String problem) {
        return new ScriptedInterview(problem);
    }

    @Override
    boolean offlineWording() {
        return true;
    }
}

package dev.mlsdmock.interview;

import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With nothing configured (interviewer.llm=off, no key) the server runs offline and says so when asked for an LLM. */
@QuarkusTest
class InterviewerChoiceTest {

    @Test
    void withoutAnLlmNewInterviewsAreOfflineAndShowNoUsage() {
        String user = Api.newAccount();
        String id = Api.as(user).body("{\"problemId\":\"news-feed\"}").post("/api/interviews").then().statusCode(201)
                .body("interviewer", equalTo("offline")).body("model", nullValue()).extract().path("id");
        Api.as(user).body("{\"problemId\":\"news-feed\",\"interviewer\":\"offline\"}").post("/api/interviews")
                .then().statusCode(201).body("interviewer", equalTo("offline"));
        Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .body("usage.totalTokens", equalTo(0)).body("usage.budget", nullValue()).body("usage.modelTurns", equalTo(0));
    }

    @Test
    void askingForAnLlmThatIsNotConfiguredIsAClearBadRequest() {
        String user = Api.newAccount();
        Api.as(user).body("{\"problemId\":\"news-feed\",\"interviewer\":\"llm\"}").post("/api/interviews").then()
                .statusCode(400).body("error", equalTo("llm_not_configured"))
                .body("message", containsString("docs/llm.md"));
        Api.as(user).body("{\"problemId\":\"news-feed\",\"interviewer\":\"gpt\"}").post("/api/interviews").then()
                .statusCode(400).body("error", equalTo("unknown_interviewer"));
        Api.as(user).body("{\"problemId\":\"news-feed\",\"tokenBudget\":0}").post("/api/interviews").then()
                .statusCode(400).body("error", equalTo("invalid_token_budget"));
        Api.as(user).get("/api/interviews").then().statusCode(200).body("size()", equalTo(0));
    }
}

package dev.mlsdmock.interview;

import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class InterviewResourceTest {

    @Test
    void listsTheTenProblemsWithoutAuthentication() {
        RestAssured.get("/api/problems").then().statusCode(200)
                .body("$", hasSize(10))
                .body("id", hasItems("visual-search", "street-view-blurring", "video-search", "harmful-content-detection",
                        "video-recommendation", "event-recommendation", "ad-click-prediction", "similar-listings",
                        "news-feed", "people-you-may-know"))
                .body("[0].title", notNullValue())
                .body("[0].summary", notNullValue());
    }

    @Test
    void createsAnInterviewAndReadsItBack() {
        String user = Api.newAccount();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> created = Api.as(user)
                .body("{\"problemId\":\"news-feed\"}").post("/api/interviews").then()
                .statusCode(201)
                .body("problemId", equalTo("news-feed"))
                .body("status", equalTo("active"))
                .body("stage", equalTo("clarify"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/interviews/" + id);
        Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("active"))
                .body("endedAt", nullValue())
                .body("turns", hasSize(0));
    }

    @Test
    void listsOwnInterviewsNewestFirst() {
        String user = Api.newAccount();
        String first = Api.newInterview(user, "news-feed");
        String second = Api.newInterview(user, "video-search");
        List<String> ids = Api.as(user).get("/api/interviews").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(ids).containsExactly(second, first);
        assertThat(Api.as(Api.newAccount()).get("/api/interviews").then().statusCode(200)
                .extract().jsonPath().getList("id")).isEmpty();
    }

    @Test
    void unknownProblemIsABadRequest() {
        String user = Api.newAccount();
        Api.as(user).body("{\"problemId\":\"tic-tac-toe\"}").post("/api/interviews").then().statusCode(400)
                .body("error", equalTo("unknown_problem"));
        Api.as(user).body("{}").post("/api/interviews").then().statusCode(400).body("error", equalTo("unknown_problem"));
    }

    @Test
    void anotherUsersInterviewIsNotFound() {
        String owner = Api.newAccount();
        String stranger = Api.newAccount();
        String id = Api.newInterview(owner, "news-feed");
        Api.as(stranger).get("/api/interviews/" + id).then().statusCode(404).body("error", equalTo("interview_not_found"));
        Api.as(stranger).post("/api/interviews/" + id + "/end").then().statusCode(404);
        Api.as(owner).get("/api/interviews/" + id).then().statusCode(200).body("status", equalTo("active"));
        Api.as(owner).get("/api/interviews/" + UUID.randomUUID()).then().statusCode(404);
        Api.as(owner).get("/api/interviews/not-a-uuid").then().statusCode(404);
    }

    @Test
    void endingAnInterviewOverRest() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        Api.as(user).post("/api/interviews/" + id + "/end").then().statusCode(200).body("status", equalTo("ended"));
        Api.as(user).post("/api/interviews/" + id + "/end").then().statusCode(200).body("status", equalTo("ended"));
        Api.as(user).get("/api/interviews/" + id).then().statusCode(200)
                .body("status", equalTo("ended"))
                .body("endedAt", notNullValue())
                .body("turns", hasSize(1))
                .body("turns[0].role", equalTo("interviewer"));
    }

    @Test
    void openApiDocumentIsServed() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/interviews'", notNullValue());
    }
}

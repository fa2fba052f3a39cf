package dev.mlsdmock.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Small helpers shared by the API tests: fresh accounts (no test depends on another's data) and interviews. */
public final class Api {

    public static final String PASSWORD = "correct-horse-battery";

    private Api() {
    }

    /** Signs up a new, unique account and returns its username. */
    public static String newAccount() {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RestAssured.given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")
                .post("/api/accounts").then().statusCode(201).body("username", equalTo(username));
        return username;
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON);
    }

    public static String newInterview(String username, String problemId) {
        return as(username).body("{\"problemId\":\"" + problemId + "\"}").post("/api/interviews")
                .then().statusCode(201).extract().path("id");
    }

    public static URI wsUri(String interviewId) {
        return URI.create("ws://localhost:" + RestAssured.port + "/ws/interviews/" + interviewId);
    }
}

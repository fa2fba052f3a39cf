package dev.mlsdmock.account;

import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccountResourceTest {

    @Test
    void signUpThenLogInWithBasic() {
        String user = Api.newAccount();
        Api.as(user).get("/api/accounts/me").then().statusCode(200).body("username", equalTo(user));
    }

    @Test
    void takenUsernameIsAConflict() {
        String user = Api.newAccount();
        RestAssured.given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + user + "\",\"password\":\"another-password\"}")
                .post("/api/accounts").then().statusCode(409).body("error", equalTo("username_taken"))
                .body("message", containsString(user));
    }

    @Test
    void invalidSignUpsAreRejectedWithClearErrors() {
        post("{\"username\":\"ab\",\"password\":\"long-enough-pw\"}").then().statusCode(400).body("error", equalTo("invalid_username"));
        post("{\"username\":\"has space\",\"password\":\"long-enough-pw\"}").then().statusCode(400).body("error", equalTo("invalid_username"));
        post("{\"username\":\"valid-name\",\"password\":\"short\"}").then().statusCode(400).body("error", equalTo("invalid_password"));
        post("{\"username\":\"valid-name\"}").then().statusCode(400).body("error", equalTo("invalid_password"));
        post("{nope").then().statusCode(400).body("error", equalTo("invalid_request"));
        post("").then().statusCode(400).body("error", equalTo("invalid_username"));
    }

    @Test
    void wrongPasswordOrNoCredentialsIsUnauthorizedJson() {
        String user = Api.newAccount();
        RestAssured.given().auth().preemptive().basic(user, "wrong-password").get("/api/interviews")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        RestAssured.given().get("/api/interviews").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void passwordIsStoredAsABcryptHash() {
        String user = Api.newAccount();
        String hash = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> Account.findByUsername(user).orElseThrow().passwordHash);
        org.assertj.core.api.Assertions.assertThat(hash).startsWith("$2").doesNotContain(Api.PASSWORD);
    }

    private static io.restassured.response.Response post(String body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/accounts");
    }
}

package dev.mlsdmock.web;

import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The browser's session over plain HTTP: form login, its cookie, the CSRF checks, the page guard and logout. */
@QuarkusTest
class BrowserSessionTest {

    @Test
    void formLoginSetsAStrictHttpOnlySessionCookie() {
        String user = Api.newAccount();
        Response login = formLogin(user, Api.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getHeader("Location")).endsWith("/");
        String setCookie = String.join("\n", login.getHeaders().getValues("Set-Cookie"));
        assertThat(setCookie).contains("quarkus-credential=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        RestAssured.given().cookie("quarkus-credential", login.getCookie("quarkus-credential"))
                .get("/api/accounts/me").then().statusCode(200).body("username", equalTo(user));
    }

    @Test
    void wrongPasswordGoesBackToTheLoginPageWithAnError() {
        String user = Api.newAccount();
        Response login = formLogin(user, "wrong-password");
        assertThat(login.statusCode()).isIn(302, 303);
        assertThat(login.getHeader("Location")).endsWith("/login.html?error=credentials");
        assertThat(login.getCookie("quarkus-credential")).isNull();
    }

    @Test
    void pagesSendAVisitorWithoutSessionToTheLoginForm() {
        for (String page : new String[] {"/", "/interview.html?id=x", "/scorecard.html", "/replay.html",
            "/shared.html?token=x"}) {
            Response r = RestAssured.given().redirects().follow(false).get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.getHeader("Location")).as(page).endsWith("/login.html");
        }
        RestAssured.given().get("/login.html").then().statusCode(200).body(containsString("j_security_check"));
        RestAssured.given().get("/css/app.css").then().statusCode(200);
    }

    @Test
    void cookieRequestsThatChangeStateNeedTheXRequestedWithHeader() {
        String user = Api.newAccount();
        String cookie = formLogin(user, Api.PASSWORD).getCookie("quarkus-credential");
        RestAssured.given().cookie("quarkus-credential", cookie).contentType(ContentType.JSON)
                .body("{\"problemId\":\"news-feed\"}").post("/api/interviews")
                .then().statusCode(403).body("error", equalTo("csrf_check_failed"));
        RestAssured.given().cookie("quarkus-credential", cookie).header("X-Requested-With", "fetch").contentType(ContentType.JSON)
                .body("{\"problemId\":\"news-feed\"}").post("/api/interviews").then().statusCode(201);
        // Reading needs no header; HTTP Basic clients are not affected.
        RestAssured.given().cookie("quarkus-credential", cookie).get("/api/interviews").then().statusCode(200);
        Api.as(user).body("{\"problemId\":\"news-feed\"}").post("/api/interviews").then().statusCode(201);
    }

    @Test
    void logoutRemovesTheCookie() {
        String user = Api.newAccount();
        String cookie = formLogin(user, Api.PASSWORD).getCookie("quarkus-credential");
        Response out = RestAssured.given().cookie("quarkus-credential", cookie).header("X-Requested-With", "fetch")
                .delete("/api/session");
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(String.join("\n", out.getHeaders().getValues("Set-Cookie")))
                .contains("quarkus-credential=").containsIgnoringCase("Max-Age=0");
    }

    @Test
    void webSocketWithTheSessionCookieMustComeFromThisOrigin() {
        String user = Api.newAccount();
        String cookie = formLogin(user, Api.PASSWORD).getCookie("quarkus-credential");
        String id = Api.newInterview(user, "news-feed");
        URI uri = Api.wsUri(id);
        String host = "localhost:" + RestAssured.port;

        WebSocket same = open(uri, cookie, "http://" + host).join();
        same.abort();

        Throwable foreign = catchThrowable(() -> open(uri, cookie, "http://evil.example").join());
        assertThat(foreign).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) foreign.getCause()).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void interviewersListsOnlyOfflineWithoutAnLlm() {
        RestAssured.given().get("/api/interviewers").then().statusCode(200)
                .body("default", equalTo("offline")).body("available", org.hamcrest.Matchers.contains("offline"));
    }

    private static java.util.concurrent.CompletableFuture<WebSocket> open(URI uri, String cookie, String origin) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Cookie", "quarkus-credential=" + cookie).header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, new WebSocket.Listener() { });
    }

    static Response formLogin(String username, String password) {
        return RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }
}

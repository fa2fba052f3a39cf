package dev.mlsdmock.web;

import dev.mlsdmock.support.Api;
import dev.mlsdmock.support.WsClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Security headers on pages and API, revalidated app files, the oversized WebSocket frame, and list pages. */
@QuarkusTest
class HardeningTest {

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() {
        for (Response r : List.of(RestAssured.get("/login.html"), RestAssured.get("/js/ui.js"),
                RestAssured.get("/api/problems"), RestAssured.get("/api/interviews"),
                RestAssured.given().redirects().follow(false).get("/"))) {
            assertThat(r.getHeader("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void appFilesAreRevalidatedNotCachedAsImmutable() {
        for (String file : List.of("/login.html", "/js/interview.js", "/css/app.css")) {
            String cache = RestAssured.get(file).getHeader("Cache-Control");
            assertThat(cache).as(file).isEqualTo("no-cache");
        }
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandler() throws Exception {
        for (String page : List.of("/login.html", "/index.html", "/interview.html", "/scorecard.html", "/replay.html",
                "/shared.html")) {
            String html = new String(getClass().getResourceAsStream("/META-INF/resources" + page).readAllBytes());
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("<style");
        }
    }

    @Test
    void aOneMebibyteFrameGetsFrameTooLargeAndTheSocketStaysUsable() {
        String user = Api.newAccount();
        String id = Api.newInterview(user, "news-feed");
        try (WsClient ws = WsClient.connect(Api.wsUri(id), user, Api.PASSWORD)) {
            ws.awaitInterviewerTurn();
            ws.send("{\"type\":\"answer\",\"clientId\":\"big\",\"text\":\"" + "x".repeat(1 << 20) + "\"}");
            assertThat(ws.await(f -> "error".equals(f.path("type").asText()), "an error frame").path("code").asText())
                    .isEqualTo("frame_too_large");
            ws.answer("small", "What is the latency budget?");
            ws.awaitAck("small");
        }
    }

    @Test
    void interviewsAreListedAPageAtATime() {
        String user = Api.newAccount();
        String first = Api.newInterview(user, "news-feed");
        String second = Api.newInterview(user, "video-search");
        String third = Api.newInterview(user, "visual-search");
        Response page1 = Api.as(user).get("/api/interviews?limit=2");
        assertThat(page1.jsonPath().getList("id", String.class)).containsExactly(third, second);
        assertThat(page1.getHeader("Link")).isEqualTo("</api/interviews?offset=2&limit=2>; rel=\"next\"");
        Api.as(user).get("/api/interviews?limit=2&offset=2").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(first)).header("Link", nullValue());
        Api.as(user).get("/api/interviews?limit=0").then().statusCode(400).body("error", equalTo("invalid_page"));
        Api.as(user).get("/api/interviews?limit=500").then().statusCode(400)
                .body("message", containsString("200"));
    }
}

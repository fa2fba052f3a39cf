package dev.mlsdmock.sharing;

import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mlsdmock.grading.ScorecardAssertions.awaitScorecard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** Share links and comments through the real REST API: who may do what, what a link shows, revocation, limits. */
@QuarkusTest
class SharingResourceTest {

    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    static String importedInterview(String user) {
        return Api.as(user).body(Calibration.importBody("news-feed", "strong", null)).post("/api/interviews/import")
                .then().statusCode(201).extract().path("id");
    }

    static String share(String user, String id) {
        return Api.as(user).post("/api/interviews/" + id + "/shares").then().statusCode(201).extract().path("token");
    }

    @Test
    void aReviewerSeesTheReplayAndScorecardCommentsAndLosesAccessWhenTheLinkIsRevoked() {
        String owner = Api.newAccount();
        String reviewer = Api.newAccount();
        String id = importedInterview(owner);
        JsonPath card = awaitScorecard(owner, id);

        JsonPath created = Api.as(owner).post("/api/interviews/" + id + "/shares").then().statusCode(201)
                .extract().jsonPath();
        String token = created.getString("token");
        assertThat(token).matches(TOKEN);
        assertThat(created.getString("url")).isEqualTo("/shared.html?token=" + token);
        assertThat(created.getString("createdAt")).isNotBlank();

        String raw = Api.as(reviewer).get("/api/shares/" + token).then().statusCode(200)
                .body("candidate", equalTo("Candidate"))
                .body("problemTitle", equalTo("Personalised news feed"))
                .body("status", equalTo("ended"))
                .body("scorecardStatus", equalTo("ready"))
                .body("scorecard.overall", equalTo(card.getInt("overall")))
                .body("$", not(hasKey("id"))).body("$", not(hasKey("accountId")))
                .body("scorecard", not(hasKey("interviewId"))).body("scorecard", not(hasKey("id")))
                .extract().asString();
        int turns = Api.as(owner).get("/api/interviews/" + id).then().extract().path("turns.size()");
        assertThat(JsonPath.from(raw).getList("turns")).hasSize(turns);
        assertThat(raw).doesNotContain(owner).doesNotContain(id);

        Api.as(reviewer).body(Map.of("seq", 2, "text", "  <b>Good</b> scoping & clear numbers  "))
                .post("/api/shares/" + token + "/comments").then().statusCode(201)
                .body("seq", equalTo(2)).body("author", equalTo(reviewer)).body("candidate", equalTo(false))
                .body("text", equalTo("<b>Good</b> scoping & clear numbers")).body("mine", equalTo(true));
        // The owner replies from the replay; reviewers see the reply as the candidate's, never the username.
        Api.as(owner).body(Map.of("seq", 2, "text", "Thanks!")).post("/api/interviews/" + id + "/comments")
                .then().statusCode(201).body("author", equalTo("Candidate")).body("candidate", equalTo(true));

        Api.as(owner).get("/api/interviews/" + id + "/comments").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].author", equalTo(reviewer)).body("[0].mine", equalTo(false))
                .body("[1].author", equalTo("Candidate")).body("[1].mine", equalTo(true));
        String shared = Api.as(reviewer).get("/api/shares/" + token).then().statusCode(200)
                .body("comments.author", equalTo(List.of(reviewer, "Candidate")))
                .body("comments.mine", equalTo(List.of(true, false))).extract().asString();
        assertThat(shared).doesNotContain(owner);

        String md = Api.as(owner).get("/api/interviews/" + id + "/export?format=md").then().statusCode(200)
                .extract().asString();
        assertThat(md).contains("- Comment by **" + reviewer + "** · ")
                .contains("  &lt;b>Good&lt;/b> scoping &amp; clear numbers")
                .contains("- Comment by **Candidate** · ").doesNotContain("<b>");
        Api.as(owner).get("/api/interviews/" + id + "/export?format=json").then().statusCode(200)
                .body("comments.size()", equalTo(2))
                .body("comments[0].seq", equalTo(2)).body("comments[0].author", equalTo(reviewer))
                .body("comments[0].text", equalTo("<b>Good</b> scoping & clear numbers"));

        String second = share(owner, id);
        assertThat(second).isNotEqualTo(token);
        JsonPath listed = Api.as(owner).get("/api/interviews/" + id + "/shares").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0]", not(hasKey("token"))).extract().jsonPath();
        assertThat(listed.getString("[0].hint")).isEqualTo(token.substring(39));

        Api.as(owner).delete("/api/interviews/" + id + "/shares/" + token).then().statusCode(204);
        Api.as(reviewer).get("/api/shares/" + token).then().statusCode(404).body("error", equalTo("share_not_found"));
        Api.as(reviewer).body(Map.of("seq", 2, "text", "too late")).post("/api/shares/" + token + "/comments")
                .then().statusCode(404);
        Api.as(reviewer).get("/api/shares/" + second).then().statusCode(200);
        Api.as(owner).delete("/api/interviews/" + id + "/shares/" + listed.getString("[1].id")).then().statusCode(204);
        Api.as(reviewer).get("/api/shares/" + second).then().statusCode(404);
        Api.as(owner).delete("/api/interviews/" + id + "/shares/" + token).then().statusCode(404);
        Api.as(owner).get("/api/interviews/" + id + "/shares").then().statusCode(200).body("size()", equalTo(0));
        // The comments stay with the candidate after the links are gone.
        Api.as(owner).get("/api/interviews/" + id + "/comments").then().body("size()", equalTo(2));
    }

    @Test
    void onlyTheOwnerManagesLinksAndALinkOpensNothingElse() {
        String owner = Api.newAccount();
        String stranger = Api.newAccount();
        String id = importedInterview(owner);
        String token = share(owner, id);

        Api.as(stranger).post("/api/interviews/" + id + "/shares").then().statusCode(404)
                .body("error", equalTo("interview_not_found"));
        Api.as(stranger).get("/api/interviews/" + id + "/shares").then().statusCode(404);
        Api.as(stranger).delete("/api/interviews/" + id + "/shares/" + token).then().statusCode(404);
        Api.as(stranger).get("/api/interviews/" + id + "/comments").then().statusCode(404);
        Api.as(stranger).body(Map.of("seq", 1, "text", "hi")).post("/api/interviews/" + id + "/comments")
                .then().statusCode(404);
        // A token of someone else's interview does not revoke through one's own interview.
        String own = importedInterview(stranger);
        Api.as(stranger).delete("/api/interviews/" + own + "/shares/" + token).then().statusCode(404)
                .body("error", equalTo("share_not_found"));
        // The link opens only its interview, and only reading and commenting.
        Api.as(stranger).get("/api/interviews/" + id).then().statusCode(404);
        Api.as(stranger).get("/api/interviews/" + id + "/scorecard").then().statusCode(404);
        Api.as(stranger).get("/api/interviews/" + id + "/export").then().statusCode(404);
        Api.as(stranger).delete("/api/shares/" + token).then().statusCode(405);
        Api.as(stranger).get("/api/shares/" + token).then().statusCode(200);
        RestAssured.given().get("/api/shares/" + token).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("seq", 1, "text", "x"))
                .post("/api/shares/" + token + "/comments").then().statusCode(401);
        // Malformed and unknown tokens look the same.
        Api.as(stranger).get("/api/shares/nope").then().statusCode(404).body("error", equalTo("share_not_found"));
        Api.as(stranger).get("/api/shares/" + "A".repeat(43)).then().statusCode(404).body("error", equalTo("share_not_found"));
    }

    @Test
    void commentsAreCheckedAndOnlyTheirAuthorOrTheOwnerDeletesThem() {
        String owner = Api.newAccount();
        String reviewer = Api.newAccount();
        String other = Api.newAccount();
        String id = importedInterview(owner);
        String token = share(owner, id);
        String comments = "/api/shares/" + token + "/comments";

        Api.as(reviewer).body(Map.of("seq", 999, "text", "hm")).post(comments).then().statusCode(400)
                .body("error", equalTo("unknown_turn"));
        Api.as(reviewer).body(Map.of("text", "no turn")).post(comments).then().statusCode(400)
                .body("error", equalTo("unknown_turn"));
        Api.as(reviewer).body(Map.of("seq", 1, "text", "   ")).post(comments).then().statusCode(400)
                .body("error", equalTo("invalid_comment"));
        Api.as(reviewer).body(Map.of("seq", 1, "text", "x".repeat(2001))).post(comments).then().statusCode(400)
                .body("error", equalTo("invalid_comment"));
        Api.as(reviewer).body(Map.of("seq", 1, "text", "x".repeat(2000))).post(comments).then().statusCode(201);

        int first = Api.as(reviewer).body(Map.of("seq", 1, "text", "mine")).post(comments).then().statusCode(201)
                .extract().path("id");
        int second = Api.as(reviewer).body(Map.of("seq", 1, "text", "also mine")).post(comments).then()
                .statusCode(201).extract().path("id");
        Api.as(other).delete(comments + "/" + first).then().statusCode(404).body("error", equalTo("comment_not_found"));
        Api.as(owner).delete(comments + "/" + first).then().statusCode(404);
        Api.as(reviewer).delete(comments + "/" + first).then().statusCode(204);
        Api.as(owner).delete("/api/interviews/" + id + "/comments/" + second).then().statusCode(204);
        Api.as(owner).get("/api/interviews/" + id + "/comments").then().body("size()", equalTo(1));
    }

    @Test
    void commentsAreRateLimitedPerAccountAndLinksPerInterviewAreCapped() {
        String owner = Api.newAccount();
        String reviewer = Api.newAccount();
        String id = importedInterview(owner);
        String token = share(owner, id);
        int accepted = 0;
        int status = 201;
        while (status == 201 && accepted <= 40) {
            var response = Api.as(reviewer).body(Map.of("seq", 1, "text", "note " + accepted))
                    .post("/api/shares/" + token + "/comments");
            status = response.statusCode();
            if (status == 201) {
                accepted++;
            } else {
                assertThat(status).isEqualTo(429);
                assertThat(response.jsonPath().getString("error")).isEqualTo("rate_limited");
                assertThat(Long.parseLong(response.getHeader("Retry-After"))).isPositive();
            }
        }
        assertThat(accepted).as("the default capacity, plus what refilled meanwhile").isBetween(20, 22);
        // Another account has its own allowance.
        Api.as(owner).body(Map.of("seq", 1, "text", "reply")).post("/api/interviews/" + id + "/comments")
                .then().statusCode(201);

        Set<String> tokens = new HashSet<>(Set.of(token));
        for (int i = 1; i < 10; i++) {
            tokens.add(share(owner, id));
        }
        assertThat(tokens).hasSize(10).allMatch(t -> t.matches(TOKEN));
        Api.as(owner).post("/api/interviews/" + id + "/shares").then().statusCode(409)
                .body("error", equalTo("too_many_share_links"));
    }
}

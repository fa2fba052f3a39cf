package dev.mlsdmock.grading;

import dev.mlsdmock.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reading a scorecard through the API as the grading tests do, and the check that every quote occurs in its turn. */
public final class ScorecardAssertions {

    private ScorecardAssertions() {
    }

    public static JsonPath awaitScorecard(String user, String id) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = Api.as(user).get("/api/interviews/" + id + "/scorecard");
            assertThat(last[0].statusCode()).as(last[0].asString()).isIn(200, 202);
            return last[0].statusCode() == 200;
        });
        return last[0].jsonPath();
    }

    /** Every quote must occur (whitespace and case aside) in the candidate turn it names. */
    public static void assertEveryQuoteVerifies(String user, String id, JsonPath card) {
        JsonPath interview = Api.as(user).get("/api/interviews/" + id).then().statusCode(200).extract().jsonPath();
        Map<Integer, String> candidateTurns = new HashMap<>();
        List<Map<String, Object>> turns = interview.getList("turns");
        for (Map<String, Object> t : turns) {
            if ("candidate".equals(t.get("role"))) {
                candidateTurns.put((Integer) t.get("seq"), norm((String) t.get("text")));
            }
        }
        List<Map<String, Object>> criteria = card.getList("criteria");
        for (Map<String, Object> c : criteria) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> evidence = (List<Map<String, Object>>) c.get("evidence");
            if ((Integer) c.get("score") > 0) {
                assertThat(evidence).as("evidence of " + c.get("id")).isNotEmpty();
            }
            for (Map<String, Object> e : evidence) {
                String turn = candidateTurns.get((Integer) e.get("seq"));
                assertThat(turn).as("candidate turn " + e.get("seq")).isNotNull();
                assertThat(turn).contains(norm((String) e.get("quote")));
            }
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}

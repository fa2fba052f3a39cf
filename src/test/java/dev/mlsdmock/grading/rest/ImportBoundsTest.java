package dev.mlsdmock.grading.rest;

import dev.mlsdmock.account.Account;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.grading.Calibration;
import dev.mlsdmock.grading.Grader;
import dev.mlsdmock.grading.GradingConfig;
import dev.mlsdmock.grading.Transcript;
import dev.mlsdmock.grading.queue.GradingJob;
import dev.mlsdmock.grading.queue.GradingQueue;
import dev.mlsdmock.interview.InterviewService;
import dev.mlsdmock.rubric.Level;
import dev.mlsdmock.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Imports are bounded in size, and one account's pile of big grading jobs does not hold up another account's
 * scorecard (the queue takes turns between accounts). The time an import takes is measured by
 * bench/ImportAndLoginBench.java, not here.
 */
@QuarkusTest
class ImportBoundsTest {

    private static final String PROBLEM = "ad-click-prediction";

    @Inject
    InterviewService interviews;

    @Inject
    GradingQueue queue;

    @Inject
    GradingConfig config;

    @Test
    void anImportOverTheCharacterBudgetIsRefusedNamingTheFieldAndNothingIsStored() {
        String user = Api.newAccount();
        StringBuilder turns = new StringBuilder();
        int perTurn = 15_000;
        int count = (int) (config.importMaxChars() / perTurn) + 1;
        for (int i = 0; i < count; i++) {
            turns.append(i == 0 ? "" : ",").append("{\"role\":\"candidate\",\"text\":\"").append("word ".repeat(perTurn / 5)).append("\"}");
        }
        Api.as(user).body("{\"problemId\":\"" + PROBLEM + "\",\"turns\":[" + turns + "]}").post("/api/interviews/import")
                .then().statusCode(400).body("error", equalTo("transcript_too_long"))
                .body("message", startsWith("turns: the transcript has " + (long) count * perTurn + " characters in all; at most "
                        + config.importMaxChars() + " can be imported."));
        Api.as(user).get("/api/interviews").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anotherAccountsScorecardArrivesWithinTenSecondsWhileTwentyBigRegradesArePending() {
        String busy = Api.newAccount();
        long busyId = Account.<Account>find("username", busy).firstResult().id;
        // Twenty interviews of the largest size an import accepts, queued as the busy account's re-grades would be
        // (straight into the queue: the per-account allowance would stop the twentieth request, SecurityLimitsTest).
        List<UUID> pile = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<InterviewService.ImportedTurn> big = biggestTranscript(i);
            pile.add(QuarkusTransaction.requiringNew().call(() -> interviews.importEnded(busyId, PROBLEM, Level.DEFAULT, big,
                    id -> queue.enqueue(id, Grader.OFFLINE, Level.DEFAULT)).id()));
        }
        try {
            String other = Api.newAccount();
            String id = Api.as(other).body(Calibration.importBody(PROBLEM, "weak", null)).post("/api/interviews/import")
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Api.as(other).get("/api/interviews/" + id + "/scorecard").statusCode() == 200);
            assertThat(pile.stream().filter(queue::pending).count()).as("re-grades still pending").isGreaterThanOrEqualTo(15);
        } finally {
            // Do not leave minutes of grading behind for the next test class.
            QuarkusTransaction.requiringNew().run(() -> GradingJob.update("status = ?1 where accountId = ?2 and status = ?3",
                    GradingJob.Status.DONE, busyId, GradingJob.Status.QUEUED));
        }
    }

    /** The strong calibration answer said over and over (each sentence numbered, so no vector comes from a cache). */
    private List<InterviewService.ImportedTurn> biggestTranscript(int variant) {
        Transcript strong = Calibration.transcript(PROBLEM, "strong");
        List<InterviewService.ImportedTurn> turns = new ArrayList<>();
        long chars = 0;
        for (int round = 0; ; round++) {
            for (Transcript.Line line : strong.lines()) {
                String text = "Take " + variant + "." + round + ": " + line.text();
                if (chars + text.length() > config.importMaxChars()) {
                    return turns;
                }
                chars += text.length();
                turns.add(new InterviewService.ImportedTurn(line.role(), Stage.CLARIFY, text, null,
                        Set.of()));
            }
        }
    }
}

package dev.mlsdmock.grading.importing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Detection runs on the pool, never the caller's thread, and stops at the budget with what it had. */
class BudgetedDetectionTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final BudgetedDetection detection = new BudgetedDetection(pool);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyTextIsLookedAtOffTheCallersThreadWhenThereIsTime() {
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        BudgetedDetection.Result result = detection.detect(Arrays.asList("a b", null, "c"), text -> {
            ranOn.add(Thread.currentThread());
            return Set.of(text.split(" "));
        }, Duration.ofSeconds(30));
        assertThat(result.signals()).containsExactly(Set.of("a", "b"), Set.of(), Set.of("c"));
        assertThat(result.complete()).isTrue();
        assertThat(ranOn).hasSize(2).doesNotContain(caller);
    }

    @Test
    void pastTheBudgetTheCallerGetsAPartialResultAndTheWorkStops() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> looked = new CopyOnWriteArrayList<>();
        BudgetedDetection.Result result = detection.detect(List.of("fast", "slow", "never"), text -> {
            looked.add(text);
            if (text.equals("slow")) {
                try {
                    release.await(); // held until the caller has its answer: the budget has run out by then
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Set.of(text);
        }, Duration.ofMillis(200));
        List<Set<String>> expected = new ArrayList<>();
        expected.add(Set.of("fast"));
        expected.add(null);
        expected.add(null);
        assertThat(result.signals()).isEqualTo(expected);
        assertThat(result.complete()).isFalse();
        assertThat(result.detected()).isEqualTo(1);

        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(looked).containsExactly("fast", "slow"); // the worker stopped instead of going on to "never"
    }
}

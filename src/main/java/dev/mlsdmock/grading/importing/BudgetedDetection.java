package dev.mlsdmock.grading.importing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs signal detection (embedding) over an import's texts on a small shared pool, never on the request thread, and
 * for at most a time budget. The request waits for the pool up to the budget; texts not reached by then are left
 * undetected, and the work stops at the next text. So an import holds at most the pool's threads (not a request
 * thread per import), and answers within the budget whatever its size. Plain Java: tests pass the detector.
 */
public final class BudgetedDetection {

    /**
     * @param signals the signals of each text, in order; null for a text not looked at within the budget
     */
    public record Result(List<Set<String>> signals) {

        public boolean complete() {
            return signals.stream().allMatch(java.util.Objects::nonNull);
        }

        public long detected() {
            return signals.stream().filter(java.util.Objects::nonNull).count();
        }
    }

    private final ExecutorService pool;

    public BudgetedDetection(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * @param texts  what to look at, in order; a null entry needs no detection (it gets an empty set at once)
     * @param detect the detector (one text to its signals)
     */
    public Result detect(List<String> texts, Function<String, Set<String>> detect, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicReferenceArray<Set<String>> out = new AtomicReferenceArray<>(texts.size());
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> work = pool.submit(() -> {
            for (int i = 0; i < texts.size() && !stop.get() && System.nanoTime() < deadline; i++) {
                String text = texts.get(i);
                out.set(i, text == null ? Set.of() : Set.copyOf(detect.apply(text)));
            }
        });
        try {
            work.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop.set(true);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Placing the imported turns failed", e.getCause());
        }
        List<Set<String>> signals = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            Set<String> s = out.get(i);
            signals.add(s == null && texts.get(i) == null ? Set.of() : s);
        }
        return new Result(signals);
    }
}

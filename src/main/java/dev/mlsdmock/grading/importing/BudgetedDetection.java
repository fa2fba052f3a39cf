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
import java.util.function.Supplier;

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
        return run(texts.stream().map(t -> t == null ? null : (Supplier<Set<String>>) () -> detect.apply(t)).toList(),
                budget);
    }

    /**
     * @param work what to detect per entry, in order; a null entry needs no detection (it gets an empty set at once)
     */
    public Result run(List<Supplier<Set<String>>> work, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicReferenceArray<Set<String>> out = new AtomicReferenceArray<>(work.size());
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> job = pool.submit(() -> {
            for (int i = 0; i < work.size() && !stop.get() && System.nanoTime() < deadline; i++) {
                Supplier<Set<String>> w = work.get(i);
                out.set(i, w == null ? Set.of() : Set.copyOf(w.get()));
            }
        });
        try {
            job.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop.set(true);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Placing the imported turns failed", e.getCause());
        }
        List<Set<String>> signals = new ArrayList<>(work.size());
        for (int i = 0; i < work.size(); i++) {
            Set<String> s = out.get(i);
            signals.add(s == null && work.get(i) == null ? Set.of() : s);
        }
        return new Result(signals);
    }
}

package dev.mlsdmock.health;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns the stream of readiness check results (every check on every probe, every few seconds) into the few log
 * lines an operator needs: one when a check goes down, naming it, and one when the instance is ready again. Probes
 * that change nothing say nothing. A check that was up and goes down is a WARN; a check down since it was first
 * called (the embedding model loads for a few seconds after every start) is expected, so that line is INFO.
 * Thread-safe: probes may be answered on several threads at once.
 */
public final class ReadinessTransitions {

    public enum Level { INFO, WARN }

    /** One line to log. */
    public record Line(Level level, String message) {
    }

    /** The last result of each check seen so far: true when up. */
    private final Map<String, Boolean> last = new HashMap<>();

    /**
     * Records one check's result.
     *
     * @return the line to log when the result changed readiness, empty otherwise
     */
    public synchronized Optional<Line> report(String check, boolean up) {
        Boolean before = last.put(check, up);
        if (before != null && before == up) {
            return Optional.empty();
        }
        if (!up) {
            String others = stillDown(check);
            return Optional.of(before == null
                    ? new Line(Level.INFO, "Not ready yet: check '" + check + "' is DOWN" + others)
                    : new Line(Level.WARN, "Not ready: check '" + check + "' went DOWN" + others));
        }
        if (before == null || last.containsValue(false)) {
            return Optional.empty(); // first seen up, or the instance is still not ready
        }
        return Optional.of(new Line(Level.INFO, "Ready: check '" + check + "' is UP again, no check is DOWN"));
    }

    private String stillDown(String check) {
        TreeSet<String> others = new TreeSet<>();
        last.forEach((name, up) -> {
            if (!up && !name.equals(check)) {
                others.add(name);
            }
        });
        return others.isEmpty() ? "" : " (also DOWN: " + String.join(", ", others) + ")";
    }
}

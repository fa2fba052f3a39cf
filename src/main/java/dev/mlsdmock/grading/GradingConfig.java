package dev.mlsdmock.grading;

import dev.mlsdmock.provider.Provider;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Grading settings (every one is in the README's configuration table and docs/grading.md). */
@ConfigMapping(prefix = "grading")
public interface GradingConfig {

    /**
     * Which grader makes the scorecard when an interview ends: {@code off} (the offline grader), {@code openai} or
     * {@code ollama} (the LLM grader through the OpenAI-compatible chat model named {@code grader}); the same
     * values and connection settings as {@code interviewer.llm} (see {@code provider.ModelProviders}).
     */
    @WithDefault("off")
    Provider llm();

    /** How many times the LLM grades each stage; the scorecard takes the median per criterion and shows the spread. */
    @WithDefault("3")
    int samples();

    /** Cosine similarity from which a candidate sentence counts as evidence of a rubric signal (offline grader). */
    @WithDefault("" + GradingDefaults.MATCH_THRESHOLD)
    double matchThreshold();

    /** Threads that embed a transcript's sentences in parallel for the offline grader; 0 means one per CPU core. */
    @WithDefault("0")
    int embeddingThreads();

    /** Whether this instance works off the grading queue (several instances may; each job is claimed once). */
    @WithDefault("true")
    boolean worker();

    /** How often an idle worker looks for queued jobs it was not told about (e.g. queued by another instance). */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * How long a claimed job belongs to its worker without a heartbeat; the worker renews it every third of this
     * while it works, so a job whose lease ran out belonged to a worker that died and is claimed again.
     */
    @WithDefault("2m")
    Duration lease();

    /** How many times a job is tried before it is marked failed. */
    @WithDefault("3")
    int maxAttempts();

    /** The most turns an imported transcript may have. */
    @WithDefault("400")
    int importMaxTurns();

    /** The longest turn an imported transcript may have, in characters. */
    @WithDefault("16000")
    int importMaxTurnChars();

    /**
     * The most characters all turns of an imported transcript may have together (a 45-minute interview has about
     * 25,000): what an import costs (stage placement now, grading later) grows with it. Larger ones get
     * {@code 400 transcript_too_long}.
     */
    @WithDefault("60000")
    long importMaxChars();

    /**
     * How long an import may spend placing turns in stages by what they say (embedding) before it answers; turns
     * not reached by then keep the stage before them, and the answer says {@code "placement": "partial"}.
     */
    @WithDefault("1s")
    Duration importPlacementBudget();

    /** Threads that place imported turns (embedding), shared by all imports: at most this many cores busy. */
    @WithDefault("1")
    int importPlacementThreads();
}

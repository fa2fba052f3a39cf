package dev.mlsdmock.coverage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "coverage")
public interface CoverageConfig {

    /** Cosine similarity (plus the stage bonus) from which a candidate sentence counts as showing a rubric signal. */
    @WithDefault("0.55")
    double signalThreshold();

    /** Added to the similarity of the signals of the stage the candidate is in. */
    @WithDefault("0.06")
    double stageBonus();

    /** Score (similarity blended with word overlap) from which a candidate question asks for a rubric fact. */
    @WithDefault("0.45")
    double factThreshold();

    /** Cosine similarity from which a sentence counts as asking to move on to the next stage. */
    @WithDefault("0.72")
    double moveOnThreshold();

    /**
     * Whether the embedding model is loaded, and the rubric phrases embedded, in the background right after start
     * (readiness waits for it). false: it loads when the first answer needs it, which then waits a few seconds; an
     * idle instance stays ~150 MB smaller (docs/operations.md, "Start-up and memory").
     */
    @WithDefault("true")
    boolean warmUp();
}

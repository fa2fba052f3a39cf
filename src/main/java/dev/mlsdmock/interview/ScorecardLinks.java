package dev.mlsdmock.interview;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the finished scorecard of an interview is, if there is one. Implemented by the grading feature; the
 * interview socket uses it to tell a client that reconnects to an ended interview where its scorecard is.
 */
public interface ScorecardLinks {

    /** The URL of the newest scorecard, when one exists and no newer grading is pending. */
    Optional<String> readyScorecardUrl(UUID interviewId);
}

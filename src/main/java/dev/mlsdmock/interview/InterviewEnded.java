package dev.mlsdmock.interview;

import java.util.UUID;

/** Fired after the transaction that ended an interview has committed (closing turn stored, status ended). */
public record InterviewEnded(UUID interviewId) {
}

package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Role;
import dev.mlsdmock.flow.Stage;
import dev.mlsdmock.flow.TurnPlan;
import dev.mlsdmock.flow.TurnView;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A transcript as a Markdown document, for reading or sharing outside the app. Turns are grouped under one heading
 * per stage, each with the speaker ("Interviewer · hint" for a coach-mode hint) and the time since the interview
 * started. Turn text is data: it goes into a
 * block quote with {@code <} and {@code &} escaped, so a Markdown viewer shows it as written and never renders
 * HTML from it. A version of the candidate's diagram goes into a {@code mermaid} code block (fenced with more
 * backticks than any run inside it), which viewers show as code or render as a diagram, never as HTML.
 */
public final class TranscriptMarkdown {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TranscriptMarkdown() {
    }

    /** Comments on turns follow their turn (author, time, text; the text escaped as turn text is). */
    public static String render(String problemTitle, Interview interview, List<TurnView> turns,
                                List<TurnComments.TurnComment> comments) {
        StringBuilder md = new StringBuilder();
        md.append("# Mock interview: ").append(inline(problemTitle)).append("\n\n");
        md.append("- Problem: `").append(interview.problemId).append("`\n");
        if (interview.drill != null) {
            md.append("- Stage drill: a drill of step ").append(interview.drill.number()).append(", ")
                    .append(title(interview.drill)).append(" (`").append(interview.drill.id()).append("`), alone\n");
        }
        md.append("- Started: ").append(WHEN.format(interview.createdAt)).append('\n');
        if (interview.endedAt != null) {
            md.append("- Ended: ").append(WHEN.format(interview.endedAt)).append('\n');
        }
        md.append("- Status: ").append(interview.status.id()).append('\n');
        md.append("- Interviewer: ").append(inline(interview.interviewer)).append('\n');
        md.append("- Turns: ").append(turns.size()).append('\n');
        Stage current = null;
        for (TurnView turn : turns) {
            if (turn.stage() != current) {
                current = turn.stage();
                md.append("\n## ").append(current.number()).append(". ").append(title(current)).append("\n");
            }
            md.append("\n**").append(speaker(turn)).append("** · ").append(elapsed(interview.createdAt, turn.at()))
                    .append(" · turn ").append(turn.seq()).append("\n\n");
            if (turn.diagram()) {
                md.append(mermaidBlock(turn.text()));
            } else {
                turn.text().lines().forEach(line -> md.append(line.isBlank() ? ">" : "> " + escape(line)).append('\n'));
            }
            comments.stream().filter(c -> c.seq() == turn.seq()).forEach(c -> comment(md, c));
        }
        return md.toString();
    }

    private static void comment(StringBuilder md, TurnComments.TurnComment c) {
        md.append("\n- Comment by **").append(inline(c.author())).append("** · ").append(WHEN.format(c.at())).append(":");
        c.text().lines().forEach(line -> md.append("\n  ").append(escape(line)));
        md.append('\n');
    }

    /** A coach-mode hint is marked as one, so a reader never takes it for a question the interviewer asked. */
    static String speaker(TurnView turn) {
        if (turn.diagram()) {
            return "Candidate's diagram";
        }
        if (turn.role() == Role.CANDIDATE) {
            return "Candidate";
        }
        return turn.kind() == TurnPlan.Kind.HINT ? "Interviewer · hint" : "Interviewer";
    }

    /** A fenced {@code mermaid} block that no backtick run in the text can close. */
    static String mermaidBlock(String text) {
        int longest = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "mermaid\n" + text.strip() + "\n" + fence + "\n";
    }

    static String title(Stage stage) {
        return switch (stage) {
            case CLARIFY -> "Clarify requirements";
            case FRAME -> "Frame as an ML task";
            case DATA -> "Data and features";
            case MODEL -> "Model";
            case EVALUATE -> "Evaluation";
            case SERVE -> "Serving";
            case MONITOR -> "Monitoring";
        };
    }

    static String elapsed(Instant start, Instant at) {
        long s = Math.max(0, Duration.between(start, at).toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    static String escape(String line) {
        return line.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String inline(String text) {
        return escape(text == null ? "" : text.replaceAll("[\\r\\n]+", " "));
    }
}

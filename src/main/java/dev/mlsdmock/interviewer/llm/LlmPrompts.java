package dev.mlsdmock.interviewer.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.prompt.PromptLibrary;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;

/**
 * The LLM interviewer's prompt files, read through the {@link PromptLibrary} (so {@code prompts.dir} overrides and
 * {@code prompts.reload} apply). Checked at start, so a broken file stops the server with its name instead of
 * failing in the middle of an interview.
 */
@Startup
@ApplicationScoped
public class LlmPrompts {

    public static final String SYSTEM_FILE = "interviewer-system.md";
    static final List<String> SYSTEM_PLACEHOLDERS = List.of("{title}", "{opening}", "{stage_number}",
            "{stage_name}", "{minutes_left}", "{instruction}");
    /** Placeholders of the old prompt that carried the whole rubric; a prompts.dir copy still using them is refused. */
    static final List<String> RETIRED_PLACEHOLDERS = List.of("{facts}", "{signals}", "{red_flags}");

    private final PromptLibrary library;
    private final YAMLMapper yaml = (YAMLMapper) new YAMLMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public LlmPrompts(PromptLibrary library) {
        this.library = library;
        system();
        turns();
    }

    public String system() {
        String text = library.text(SYSTEM_FILE);
        for (String placeholder : SYSTEM_PLACEHOLDERS) {
            if (!text.contains(placeholder)) {
                throw new IllegalStateException("prompts/" + SYSTEM_FILE + ": the placeholder " + placeholder + " is missing");
            }
        }
        for (String placeholder : RETIRED_PLACEHOLDERS) {
            if (text.contains(placeholder)) {
                throw new IllegalStateException("prompts/" + SYSTEM_FILE + ": the placeholder " + placeholder
                        + " is no longer filled: the prompt carries only this turn's facts and probe (docs/llm.md)");
            }
        }
        return text;
    }

    public InterviewerTurns turns() {
        try {
            return yaml.readValue(library.text(InterviewerTurns.FILE), InterviewerTurns.class).validate();
        } catch (IOException e) {
            throw new IllegalStateException("prompts/" + InterviewerTurns.FILE + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("prompts/" + InterviewerTurns.FILE + ": " + e.getMessage(), e);
        }
    }

    public PromptLibrary library() {
        return library;
    }
}

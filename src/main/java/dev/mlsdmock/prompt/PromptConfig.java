package dev.mlsdmock.prompt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

@ConfigMapping(prefix = "prompts")
public interface PromptConfig {

    /** Directory of prompt and phrasing files; files here override the copies packaged with the application. */
    @WithDefault("prompts")
    Path dir();

    /** Re-read the prompt files on every use, so edits show up without a restart (on by default in dev mode). */
    @WithDefault("false")
    boolean reload();
}

package dev.mlsdmock.rubric;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

@ConfigMapping(prefix = "rubrics")
public interface RubricConfig {

    /**
     * Directory with {@code <problem-id>.yaml} files. Files here override or add to the rubrics packaged
     * with the application; a missing directory means the packaged rubrics only.
     */
    @WithDefault("rubrics")
    Path dir();
}

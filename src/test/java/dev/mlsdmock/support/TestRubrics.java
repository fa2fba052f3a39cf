package dev.mlsdmock.support;

import dev.mlsdmock.rubric.Rubric;
import dev.mlsdmock.rubric.RubricParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped rubric files, parsed without Quarkus, for plain unit tests. */
public final class TestRubrics {

    public static final Path DIR = Path.of("rubrics");

    private TestRubrics() {
    }

    public static Rubric load(String problemId) {
        Path file = DIR.resolve(problemId + ".yaml");
        try {
            return new RubricParser().parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

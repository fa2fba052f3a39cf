package dev.mlsdmock.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSessionKeyTest {

    @Test
    void makesAPrivateRandomKeyOnceAndKeepsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/session.key");
        String first = LocalSessionKey.readOrCreate(file);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LocalSessionKey.readOrCreate(file)).isEqualTo(first);
        assertThat(LocalSessionKey.readOrCreate(dir.resolve("other.key"))).isNotEqualTo(first);
    }

    @Test
    void replacesAKeyTooShortToBeSafe(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.key");
        Files.writeString(file, "short");
        assertThat(LocalSessionKey.readOrCreate(file)).hasSizeGreaterThanOrEqualTo(32);
    }
}

package dev.mlsdmock.web;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * On a laptop (the run command's {@code dev} profile) browser sessions should survive a restart without the user
 * having to invent a secret. When {@code session-key.file} is set (it is, in {@code dev}), this reads the session
 * encryption key from that file, creating it with a random key (readable by the owner only) the first time, and
 * offers it as {@code session-key.generated}, which application.properties uses when
 * {@code SESSION_ENCRYPTION_KEY} is not set. Teams set {@code SESSION_ENCRYPTION_KEY} instead (all instances must
 * share it). Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class LocalSessionKey implements ConfigSourceFactory {

    static final String FILE = "session-key.file";
    static final String GENERATED = "session-key.generated";
    private static final int ORDINAL = 150;
    private static final int KEY_BYTES = 32;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(FILE);
        if (file == null || file.getValue() == null || file.getValue().isBlank()) {
            return List.of();
        }
        String key = readOrCreate(Path.of(file.getValue()));
        return List.of(new PropertiesConfigSource(Map.of(GENERATED, key), "local-session-key", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (key.length() >= KEY_BYTES) {
                    return key;
                }
            }
            byte[] random = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "session-key", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key file " + file.toAbsolutePath()
                    + "; set SESSION_ENCRYPTION_KEY or make the directory writable", e);
        }
    }
}

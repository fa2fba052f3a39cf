package dev.mlsdmock.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment files carry no secret and keep what the proxy set-up relies on (docs/security.md). */
class DeploymentFilesTest {

    @Test
    void composeHasNoFallbackForAnySecret() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        for (String secret : new String[] {"SESSION_ENCRYPTION_KEY", "DB_PASSWORD"}) {
            Matcher uses = Pattern.compile("\\$\\{" + secret + "(:?[-?=+])?([^}]*)}").matcher(compose);
            int count = 0;
            while (uses.find()) {
                count++;
                assertThat(uses.group(1)).as(uses.group() + ": a secret must be required (${VAR:?message})").isEqualTo(":?");
            }
            assertThat(count).as(secret + " is used").isPositive();
        }
        assertThat(compose).doesNotContain("please-change-this").doesNotContain("change-me");
    }

    @Test
    void dotEnvIsIgnored() throws IOException {
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env");
    }

    @Test
    void nginxKeepsThePortAndOverwritesTheClientAddress() throws IOException {
        String nginx = Files.readString(Path.of("src/main/docker/nginx.conf"));
        // $host drops the port, and the WebSocket origin check compares Origin with Host.
        assertThat(nginx).contains("proxy_set_header Host $http_host;").doesNotContain("Host $host;");
        // Appending ($proxy_add_x_forwarded_for) would let a client choose the address its limits are counted on.
        assertThat(nginx).contains("proxy_set_header X-Forwarded-For $remote_addr;").doesNotContain("$proxy_add_x_forwarded_for");
    }
}

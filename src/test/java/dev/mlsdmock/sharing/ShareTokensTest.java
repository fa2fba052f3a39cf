package dev.mlsdmock.sharing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShareTokensTest {

    @Test
    void tokensAre256RandomBitsInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ShareTokens.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(ShareTokens.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(ShareTokens.BYTES * 8).isGreaterThanOrEqualTo(128);
    }

    @Test
    void onlyTheHashIsStoredAndMalformedTokensAreRejectedEarly() {
        String token = ShareTokens.generate();
        assertThat(ShareTokens.hash(token)).matches("[0-9a-f]{64}").isEqualTo(ShareTokens.hash(token))
                .doesNotContain(token).isNotEqualTo(ShareTokens.hash(ShareTokens.generate()));
        assertThat(ShareTokens.hint(token)).isEqualTo(token.substring(39));
        assertThat(ShareTokens.wellFormed(null)).isFalse();
        assertThat(ShareTokens.wellFormed("short")).isFalse();
        assertThat(ShareTokens.wellFormed(token + "x")).isFalse();
        assertThat(ShareTokens.wellFormed(token.substring(1) + "/")).isFalse();
    }
}

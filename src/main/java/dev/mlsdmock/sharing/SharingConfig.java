package dev.mlsdmock.sharing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Share links and comments (docs/security.md, "Share links"); every key is in the README's configuration table. */
@ConfigMapping(prefix = "sharing")
public interface SharingConfig {

    /** Live links one interview may have at once; revoke one to make another. */
    @WithDefault("10")
    int linksPerInterview();

    /** The longest comment, in characters. */
    @WithDefault("2000")
    int commentMaxLength();
}

package dev.mlsdmock.browser;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/**
 * The browser tests run the offline interviewer wrapped so that it streams its words in {@code delta} frames, as the
 * LLM interviewer does; the page's streaming display is tested without an LLM.
 */
public class BrowserProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(StreamingInterviewerProducer.class);
    }
}

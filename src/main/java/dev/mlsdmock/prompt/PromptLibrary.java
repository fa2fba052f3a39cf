package dev.mlsdmock.prompt;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlsdmock.datafiles.DataFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

/**
 * The files under {@code prompts/}: the interviewers' phrasing and system prompts, loaded at start (a broken
 * file stops the start with its name) and, with {@code prompts.reload=true}, re-read on use.
 */
@Startup
@ApplicationScoped
public class PromptLibrary {

    private final PromptConfig config;
    private final YAMLMapper yaml = (YAMLMapper) new YAMLMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private volatile Snapshot snapshot;

    public PromptLibrary(PromptConfig config) {
        this.config = config;
        this.snapshot = load();
    }

    public OfflinePhrases offlinePhrases() {
        return current().offline();
    }

    public DrillPhrases drillPhrases() {
        return current().drills();
    }

    public DiagramComponents diagramComponents() {
        return current().diagram();
    }

    public Intents intents() {
        return current().intents();
    }

    /** The raw text of a prompt file, e.g. {@code interviewer-system.md}. */
    public String text(String fileName) {
        String text = current().files().get(fileName);
        if (text == null) {
            throw new IllegalStateException("Prompt file " + fileName + " is missing from " + config.dir().toAbsolutePath()
                    + " and from the packaged prompts");
        }
        return text;
    }

    private Snapshot current() {
        if (config.reload()) {
            snapshot = load();
        }
        return snapshot;
    }

    private Snapshot load() {
        DataFiles.Loaded yamlFiles = DataFiles.read(config.dir(), "prompts", ".yaml");
        DataFiles.Loaded mdFiles = DataFiles.read(config.dir(), "prompts", ".md");
        Map<String, String> all = new java.util.TreeMap<>(yamlFiles.contents());
        all.putAll(mdFiles.contents());
        OfflinePhrases offline = parse(yamlFiles, "offline-interviewer.yaml", OfflinePhrases.class, OfflinePhrases::validate);
        Intents intents = parse(yamlFiles, "intents.yaml", Intents.class, Intents::validate);
        DrillPhrases drills = parse(yamlFiles, DrillPhrases.FILE, DrillPhrases.class, DrillPhrases::validate);
        DiagramComponents diagram = parse(yamlFiles, "diagram-components.yaml", DiagramComponents.class,
                DiagramComponents::validate);
        return new Snapshot(Map.copyOf(all), offline, intents, drills, diagram);
    }

    private <T> T parse(DataFiles.Loaded files, String name, Class<T> type, Function<T, T> validate) {
        String text = files.contents().get(name);
        String source = files.sources().getOrDefault(name, name);
        if (text == null) {
            throw new IllegalStateException("Prompt file " + name + " is missing from " + config.dir().toAbsolutePath());
        }
        try {
            return validate.apply(yaml.readValue(text, type));
        } catch (IOException e) {
            throw new IllegalStateException(source + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    private record Snapshot(Map<String, String> files, OfflinePhrases offline, Intents intents, DrillPhrases drills,
                            DiagramComponents diagram) {
    }
}

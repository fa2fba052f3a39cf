package dev.mlsdmock.rubric;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.datafiles.DataFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * All problems the interviewer can run, loaded and validated once at start-up. A bad file stops the start with
 * its file name, field and problem, rather than failing later in the middle of somebody's interview.
 */
@Startup
@ApplicationScoped
public class RubricRegistry {

    private static final Logger LOG = Logger.getLogger(RubricRegistry.class);

    private final Map<String, Rubric> rubrics;

    @jakarta.inject.Inject
    public RubricRegistry(RubricConfig config) {
        this(load(config));
    }

    RubricRegistry(Map<String, Rubric> rubrics) {
        this.rubrics = rubrics;
    }

    static Map<String, Rubric> load(RubricConfig config) {
        DataFiles.Loaded files = DataFiles.read(config.dir(), "rubrics", ".yaml");
        RubricParser parser = new RubricParser();
        Map<String, Rubric> byId = new LinkedHashMap<>();
        files.contents().forEach((name, text) -> {
            Rubric rubric = parser.parse(files.sources().get(name), text);
            byId.put(rubric.id(), rubric);
        });
        if (byId.isEmpty()) {
            throw new IllegalStateException("No rubric files found in " + config.dir().toAbsolutePath()
                    + " nor packaged with the application; set rubrics.dir to a directory of <problem-id>.yaml files");
        }
        LOG.infof("Loaded %d problems: %s", byId.size(), byId.keySet());
        return Map.copyOf(byId);
    }

    public Optional<Rubric> find(String problemId) {
        return Optional.ofNullable(problemId).map(rubrics::get);
    }

    /** The rubric of a problem a client named; an unknown (or missing) id is a 400 that says where the ids are. */
    public Rubric require(String problemId) {
        return (problemId == null ? Optional.<Rubric>empty() : find(problemId)).orElseThrow(() -> ApiException.badRequest(
                "unknown_problem", "There is no problem '" + problemId + "'. GET /api/problems lists the problem ids."));
    }

    public Collection<Rubric> all() {
        return rubrics.values().stream().sorted(java.util.Comparator.comparing(Rubric::title)).toList();
    }
}

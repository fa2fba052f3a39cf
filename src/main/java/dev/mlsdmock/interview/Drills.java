package dev.mlsdmock.interview;

import dev.mlsdmock.error.ApiException;
import dev.mlsdmock.flow.Stage;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code drill} field of a new interview: the stage id a stage drill practises. */
public final class Drills {

    private Drills() {
    }

    /**
     * @return the stage, or null for a full interview (no drill asked for)
     * @throws ApiException 400 {@code invalid_drill}, naming the field and the valid stage ids
     */
    public static Stage parse(String drill) {
        if (drill == null) {
            return null;
        }
        return Stage.fromId(drill).orElseThrow(() -> ApiException.badRequest("invalid_drill", "drill: there is no stage '"
                + drill + "'. A drill practises one of the stages " + ids() + "; leave drill out for a full interview."));
    }

    public static String ids() {
        return Arrays.stream(Stage.values()).map(Stage::id).collect(Collectors.joining(", "));
    }
}

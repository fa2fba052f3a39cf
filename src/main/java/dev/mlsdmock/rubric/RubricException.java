package dev.mlsdmock.rubric;

/** A rubric file that cannot be used, with the file, the field and what is wrong, so the author can fix it. */
public class RubricException extends RuntimeException {

    private final String file;
    private final String field;
    private final String problem;

    public RubricException(String file, String field, String problem) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = file;
        this.field = field;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}

package dev.mlsdmock.interview;

import dev.mlsdmock.flow.Stage;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a stage by its API id ({@code clarify}, ...), so the database reads the same as the API. */
@Converter(autoApply = true)
public class StageConverter implements AttributeConverter<Stage, String> {

    @Override
    public String convertToDatabaseColumn(Stage stage) {
        return stage == null ? null : stage.id();
    }

    @Override
    public Stage convertToEntityAttribute(String id) {
        return id == null ? null : Stage.of(id);
    }
}

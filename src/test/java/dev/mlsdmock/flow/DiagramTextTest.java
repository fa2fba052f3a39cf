package dev.mlsdmock.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagramTextTest {

    @Test
    void aFlowchartYieldsOneElementPerDrawnLineWithItsLabels() {
        var elements = DiagramText.elements("""
                flowchart LR
                  %% a comment
                  U[User events] --> FS[(Feature store)]
                  FS -->|fresh features| R{{Ranker}}
                  subgraph Serving [Online serving]
                    R --> C((Cache))
                  end
                  style R fill:#f9f
                """);
        assertThat(elements).extracting(DiagramText.Element::sentence).containsExactly(
                "User events → Feature store", "fresh features → Ranker", "Online serving", "Cache");
        assertThat(elements.get(0).line()).isEqualTo("U[User events] --> FS[(Feature store)]");
    }

    @Test
    void nodesWithoutLabelsAndSequenceMessagesGiveTheirWords() {
        assertThat(DiagramText.elements("graph TD\n  feature_store --> ranker")).extracting(DiagramText.Element::sentence)
                .containsExactly("feature store → ranker");
        assertThat(DiagramText.elements("sequenceDiagram\n  Client->>API: fetch candidates"))
                .extracting(DiagramText.Element::sentence).containsExactly("fetch candidates");
        assertThat(DiagramText.allLabels("flowchart LR\n A[Candidate Generation] --> B[Ranker]"))
                .isEqualTo("candidate generation → ranker");
    }

    @Test
    void nothingDrawnGivesNoElements() {
        assertThat(DiagramText.elements("flowchart LR\n\n%% later")).isEmpty();
    }
}

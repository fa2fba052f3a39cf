package dev.mlsdmock.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.UUID;

/**
 * {@code /ws/interviews/{id}}: only translates between text frames and {@link InterviewConversation}. Who may
 * connect is decided before the upgrade by {@link InterviewAccessCheck}.
 */
@Authenticated
@WebSocket(path = "/ws/interviews/{id}")
public class InterviewSocket {

    private final InterviewConversation conversation;
    private final ObjectMapper json;

    public InterviewSocket(InterviewConversation conversation, ObjectMapper json) {
        this.conversation = conversation;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        conversation.open(id(connection), frame -> send(connection, frame));
    }

    @OnTextMessage
    public void onMessage(String message, WebSocketConnection connection) {
        conversation.receive(id(connection), message, frame -> send(connection, frame));
    }

    private void send(WebSocketConnection connection, Object frame) {
        try {
            connection.sendTextAndAwait(json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + frame, e);
        }
    }

    private static UUID id(WebSocketConnection connection) {
        return UUID.fromString(connection.pathParam("id"));
    }
}

package dev.mlsdmock.interview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsdmock.account.CurrentAccount;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
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

    private static final UserData.TypedKey<Long> ACCOUNT = UserData.TypedKey.forLong("accountId");

    private final InterviewConversation conversation;
    private final InterviewConnections connections;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public InterviewSocket(InterviewConversation conversation, InterviewConnections connections, ObjectMapper json,
                           SecurityIdentity identity) {
        this.conversation = conversation;
        this.connections = connections;
        this.json = json;
        this.identity = identity;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        long accountId = CurrentAccount.idOf(identity);
        connection.userData().put(ACCOUNT, accountId);
        connections.opened(connection.id(), id(connection), accountId, frame -> send(connection, frame));
        conversation.open(id(connection), frame -> send(connection, frame));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connections.closed(connection.id());
    }

    @OnTextMessage
    public void onMessage(String message, WebSocketConnection connection) {
        conversation.receive(id(connection), connection.userData().get(ACCOUNT), message, frame -> send(connection, frame));
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

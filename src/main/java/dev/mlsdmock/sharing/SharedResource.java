package dev.mlsdmock.sharing;

import dev.mlsdmock.account.CurrentAccount;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The reviewer's side: what a live share link opens, for any signed-in account. The only write is commenting (and
 * deleting one's own comment). An unknown, malformed or revoked token is a 404, checked on every request.
 */
@Path("/api/shares/{token}")
@Authenticated
public class SharedResource {

    private final SharedReplay replay;
    private final CurrentAccount account;

    public SharedResource(SharedReplay replay, CurrentAccount account) {
        this.replay = replay;
        this.account = account;
    }

    @GET
    public SharedReplay.View view(@PathParam("token") String token) {
        return replay.view(token, account.id());
    }

    @POST
    @Path("/comments")
    public Response comment(@PathParam("token") String token, NewComment body) {
        CommentService.View view = replay.comment(token, account.id(), account.username(), body);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** Deletes a comment the caller wrote on this interview. */
    @DELETE
    @Path("/comments/{commentId}")
    public Response delete(@PathParam("token") String token, @PathParam("commentId") long commentId) {
        replay.deleteComment(token, account.id(), commentId);
        return Response.noContent().build();
    }
}

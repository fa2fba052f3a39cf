package dev.mlsdmock.sharing;

import dev.mlsdmock.account.CurrentAccount;
import dev.mlsdmock.interview.InterviewService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The owner's side of sharing: links of an interview (create, list, revoke) and the comments on it (read, reply,
 * delete). Someone else's interview is a 404, as everywhere in the interviews API.
 */
@Path("/api/interviews")
@Authenticated
public class ShareResource {

    private final ShareService shares;
    private final CommentService comments;
    private final InterviewService interviews;
    private final CurrentAccount account;

    public ShareResource(ShareService shares, CommentService comments, InterviewService interviews,
                         CurrentAccount account) {
        this.shares = shares;
        this.comments = comments;
        this.interviews = interviews;
        this.account = account;
    }

    /** 201 with the new link's token and page; the token is shown this once. */
    @POST
    @Path("/{id}/shares")
    public Response create(@PathParam("id") String id) {
        return Response.status(Response.Status.CREATED).entity(shares.create(account.id(), id)).build();
    }

    @GET
    @Path("/{id}/shares")
    public List<ShareService.Listed> list(@PathParam("id") String id) {
        return shares.list(account.id(), id);
    }

    /** Revokes a link, given its token or its id: afterwards the token answers 404. */
    @DELETE
    @Path("/{id}/shares/{share}")
    public Response revoke(@PathParam("id") String id, @PathParam("share") String share) {
        shares.revoke(account.id(), id, share);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/comments")
    public List<CommentService.View> comments(@PathParam("id") String id) {
        return comments.list(owned(id), account.id());
    }

    /** The candidate's own comment on a turn (a reply to a reviewer), shown as by "Candidate". */
    @POST
    @Path("/{id}/comments")
    public Response comment(@PathParam("id") String id, NewComment body) {
        UUID interviewId = owned(id);
        CommentService.View view = comments.add(interviewId, account.id(), account.username(), NewComment.seq(body),
                NewComment.text(body));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    /** The owner may delete any comment on the interview. */
    @DELETE
    @Path("/{id}/comments/{commentId}")
    public Response deleteComment(@PathParam("id") String id, @PathParam("commentId") long commentId) {
        comments.delete(owned(id), account.id(), commentId, true);
        return Response.noContent().build();
    }

    private UUID owned(String id) {
        return interviews.owned(account.id(), id);
    }
}

package dev.mlsdmock.sharing;

/**
 * The body of {@code POST .../comments}: {@code {"seq": <turn number>, "text": "..."}}.
 *
 * @param seq  the turn the comment is about
 * @param text 1 to {@code sharing.comment-max-length} characters (surrounding blanks are dropped)
 */
public record NewComment(Integer seq, String text) {

    static Integer seq(NewComment body) {
        return body == null ? null : body.seq();
    }

    static String text(NewComment body) {
        return body == null ? null : body.text();
    }
}

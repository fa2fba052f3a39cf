package dev.mlsdmock.account;

import dev.mlsdmock.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Sessions end on the server: a copied cookie is useless after logout, "end all" or a password change. */
@QuarkusTest
public class SessionRevocationTest {

    private static final String COOKIE = "quarkus-credential";

    @Test
    void aCopiedCookieIsRefusedAfterLogout() {
        String user = Api.newAccount();
        String copy = login(user, Api.PASSWORD);
        withCookie(copy).get("/api/accounts/me").then().statusCode(200).body("username", equalTo(user));

        withCookie(copy).header("X-Requested-With", "fetch").delete("/api/session").then().statusCode(204);

        withCookie(copy).get("/api/accounts/me").then().statusCode(401);
        withCookie(copy).header("X-Requested-With", "fetch").contentType(ContentType.JSON)
                .body("{\"problemId\":\"news-feed\"}").post("/api/interviews").then().statusCode(401);
        // A new login works, and HTTP Basic clients are not affected.
        withCookie(login(user, Api.PASSWORD)).get("/api/accounts/me").then().statusCode(200);
        Api.as(user).get("/api/accounts/me").then().statusCode(200);
    }

    @Test
    void endAllSessionsEndsEveryBrowserOfTheAccountButNoOtherAccount() {
        String user = Api.newAccount();
        String other = Api.newAccount();
        String laptop = login(user, Api.PASSWORD);
        String phone = login(user, Api.PASSWORD);
        String someoneElse = login(other, Api.PASSWORD);

        withCookie(laptop).header("X-Requested-With", "fetch").post("/api/session/revoke-all").then().statusCode(204);

        withCookie(laptop).get("/api/accounts/me").then().statusCode(401);
        withCookie(phone).get("/api/accounts/me").then().statusCode(401);
        withCookie(someoneElse).get("/api/accounts/me").then().statusCode(200);
    }

    @Test
    void aPasswordChangeEndsSessionsAndTheOldPassword() {
        String user = Api.newAccount();
        String cookie = login(user, Api.PASSWORD);
        Api.as(user).get("/api/accounts/me").then().statusCode(200); // the credential is now cached

        Api.as(user).body("{\"currentPassword\":\"not-the-password\",\"newPassword\":\"another-long-one\"}")
                .put("/api/accounts/me/password").then().statusCode(403).body("error", equalTo("wrong_password"));
        Api.as(user).body("{\"currentPassword\":\"" + Api.PASSWORD + "\",\"newPassword\":\"another-long-one\"}")
                .put("/api/accounts/me/password").then().statusCode(204);

        withCookie(cookie).get("/api/accounts/me").then().statusCode(401);
        Api.as(user).get("/api/accounts/me").then().statusCode(401);
        RestAssured.given().auth().preemptive().basic(user, "another-long-one").get("/api/accounts/me")
                .then().statusCode(200).body("username", equalTo(user));
    }

    @Test
    void aCookieMintedWithTheOldRepositoryKeyIsRefused() throws Exception {
        // docker-compose.yml used to fall back to this key; no key is configured in tests, so the server's is random.
        String user = Api.newAccount();
        long expires = System.currentTimeMillis() + 3_600_000L;
        for (String principal : new String[] {user, user + "/0/" + (System.currentTimeMillis() / 1000)}) {
            String forged = mint("please-change-this-to-a-long-random-secret", expires + ":" + principal);
            withCookie(forged).get("/api/accounts/me").then().statusCode(401);
        }
    }

    @Test
    void loginCookiesAreSecureBehindAnHttpsProxyOnlyWhenForwardingIsTrusted() {
        // Forwarded headers are not trusted in the default configuration, so a client cannot fake HTTPS.
        Response login = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .header("X-Forwarded-Proto", "https").formParam("j_username", Api.newAccount())
                .formParam("j_password", Api.PASSWORD).post("/j_security_check");
        assertThat(String.join("\n", login.getHeaders().getValues("Set-Cookie"))).doesNotContainIgnoringCase("Secure");
    }

    /** Logs in with the form and returns the session cookie (public for TwoInstancesIT). */
    public static String login(String user, String password) {
        Response r = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie(COOKIE);
    }

    private static RequestSpecification withCookie(String cookie) {
        return RestAssured.given().cookie(COOKIE, cookie);
    }

    /** The form login's cookie format: base64(iv length, iv, AES-GCM(sha256(key), "expiry:principal")). */
    static String mint(String key, String content) throws Exception {
        byte[] aes = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes, "AES"), new GCMParameterSpec(128, iv));
        byte[] encrypted = cipher.doFinal(content.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + iv.length + encrypted.length);
        out.put((byte) iv.length).put(iv).put(encrypted);
        return Base64.getEncoder().encodeToString(out.array());
    }
}

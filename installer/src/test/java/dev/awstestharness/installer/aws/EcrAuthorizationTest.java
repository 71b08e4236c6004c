package dev.awstestharness.installer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.installer.FakeAwsServer;
import dev.awstestharness.installer.FakeAwsServer.Response;
import dev.awstestharness.installer.InstallerException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

class EcrAuthorizationTest {
    static String token(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheUserThePasswordAndTheRegistryHost() {
        AuthorizationData data = AuthorizationData.builder().authorizationToken(token("AWS:eyJwYXlsb2FkIjoi:with:colons"))
                .proxyEndpoint("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com").expiresAt(Instant.parse("2026-01-01T12:00:00Z")).build();

        EcrAuthorization authorization = EcrAuthorization.decode(data);

        assertThat(authorization.username()).isEqualTo("AWS");
        assertThat(authorization.password()).isEqualTo("eyJwYXlsb2FkIjoi:with:colons");
        assertThat(authorization.registry()).isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        assertThat(authorization.expiresAt()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(authorization.toString()).doesNotContain("eyJwYXlsb2FkIjoi");
    }

    @Test
    void aTokenThatIsNotBase64OfUserColonPasswordIsRefusedClearly() {
        assertThatThrownBy(() -> EcrAuthorization.decode(AuthorizationData.builder().authorizationToken("not base64!")
                .proxyEndpoint("https://r").build()))
                .isInstanceOf(InstallerException.class).hasMessageContaining("not base64");
        assertThatThrownBy(() -> EcrAuthorization.decode(AuthorizationData.builder().authorizationToken(token("no-colon"))
                .proxyEndpoint("https://r").build()))
                .isInstanceOf(InstallerException.class).hasMessageContaining("not 'user:password'");
        assertThatThrownBy(() -> EcrAuthorization.decode(AuthorizationData.builder().authorizationToken("").proxyEndpoint("https://r").build()))
                .isInstanceOf(InstallerException.class).hasMessageContaining("empty authorization token");
    }

    @Test
    void fetchAsksEcrForATokenWithASignedGetAuthorizationTokenRequest() {
        String body = "{\"authorizationData\":[{\"authorizationToken\":\"" + token("AWS:the-password")
                + "\",\"expiresAt\":1767268800,\"proxyEndpoint\":\"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com\"}]}";
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.json(200, body)); AwsSession session = aws.session()) {

            EcrAuthorization authorization = EcrAuthorization.fetch(session.ecr());

            assertThat(authorization).isEqualTo(new EcrAuthorization("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "AWS", "the-password",
                    Instant.ofEpochSecond(1767268800)));
            assertThat(aws.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("X-Amz-Target")).isEqualTo("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken");
                assertThat(request.header("Content-Type")).startsWith("application/x-amz-json-1.1");
                assertThat(request.body()).isEqualTo("{}");
                assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                        .contains("/eu-west-1/ecr/aws4_request");
            });
        }
    }
}

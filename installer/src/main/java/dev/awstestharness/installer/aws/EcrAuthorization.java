package dev.awstestharness.installer.aws;

import dev.awstestharness.installer.InstallerException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/**
 * Docker registry credentials for the account's private ECR registry, from {@code ecr:GetAuthorizationToken}: the
 * token is {@code base64("AWS:<password>")}, valid for 12 hours.
 *
 * @param registry the registry's host, e.g. {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com}
 */
public record EcrAuthorization(String registry, String username, String password, Instant expiresAt) {
    static final String ACTION = "ecr:GetAuthorizationToken";

    /** Asks ECR for a token of the client's account and region. */
    public static EcrAuthorization fetch(EcrClient ecr) {
        GetAuthorizationTokenResponse response = AwsCall.call(ACTION, "the account's ECR registry", ecr::getAuthorizationToken);
        if (!response.hasAuthorizationData() || response.authorizationData().isEmpty()) {
            throw new InstallerException(ACTION + " returned no authorization data");
        }
        return decode(response.authorizationData().get(0));
    }

    /**
     * Decodes ECR's authorization data.
     *
     * @throws InstallerException when the token is not base64 of {@code user:password}
     */
    public static EcrAuthorization decode(AuthorizationData data) {
        String token = data.authorizationToken();
        if (token == null || token.isBlank()) throw new InstallerException(ACTION + " returned an empty authorization token");
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InstallerException(ACTION + " returned an authorization token that is not base64: " + e.getMessage(), e);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new InstallerException(ACTION + " returned an authorization token that is not 'user:password' once decoded");
        }
        return new EcrAuthorization(registryHost(data.proxyEndpoint()), decoded.substring(0, colon), decoded.substring(colon + 1), data.expiresAt());
    }

    /** {@code https://123456789012.dkr.ecr.eu-west-1.amazonaws.com} → {@code 123456789012.dkr.ecr.eu-west-1.amazonaws.com} */
    static String registryHost(String proxyEndpoint) {
        if (proxyEndpoint == null || proxyEndpoint.isBlank()) throw new InstallerException(ACTION + " returned no proxy endpoint");
        URI uri = URI.create(proxyEndpoint.contains("://") ? proxyEndpoint : "https://" + proxyEndpoint);
        if (uri.getHost() == null) throw new InstallerException(ACTION + " returned a proxy endpoint without a host: " + proxyEndpoint);
        return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }

    @Override
    public String toString() {
        return "EcrAuthorization[" + registry + ", user " + username + ", expires " + expiresAt + "]";
    }
}

package dev.awstestharness.doubles.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.doubles.contract.HarnessEnvironment;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class DoubleClientsTest {
    @Test
    void withTheLocalEndpointEveryClientUsesItWithTheRegionOfTheEnvironment() {
        try (DoubleClients clients = DoubleClients.create(Map.of(HarnessEnvironment.ENDPOINT_URL, "http://127.0.0.1:4566", "AWS_REGION", "eu-west-1"))) {
            assertThat(clients.isLocal()).isTrue();
            assertThat(clients.region()).contains(Region.EU_WEST_1);
            assertThat(clients.sqs().serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            assertThat(clients.dynamoDb().serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            assertThat(clients.s3().serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            assertThat(clients.s3().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(clients.s3().utilities().getUrl(r -> r.bucket("bucket").key("key")).toString())
                    .isEqualTo("http://127.0.0.1:4566/bucket/key");
        }
    }

    @Test
    void withTheLocalEndpointAndNoRegionTheRegionIsUsEast1() {
        try (DoubleClients clients = DoubleClients.create(Map.of(HarnessEnvironment.ENDPOINT_URL, "http://127.0.0.1:4566"))) {
            assertThat(clients.region()).contains(Region.US_EAST_1);
            assertThat(clients.sqs().serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        }
    }

    @Test
    void withoutTheLocalEndpointTheClientsTalkToAws() {
        try (DoubleClients clients = DoubleClients.create(Map.of("AWS_REGION", "eu-central-1"))) {
            assertThat(clients.isLocal()).isFalse();
            assertThat(clients.endpoint()).isEmpty();
            assertThat(clients.sqs().serviceClientConfiguration().endpointOverride()).isEmpty();
            assertThat(clients.sqs().serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
        }
    }

    @Test
    void sharedClientsAreSharedPerConfigurationAndSurviveClose() {
        Map<String, String> environment = Map.of(HarnessEnvironment.ENDPOINT_URL, "http://127.0.0.1:1");
        DoubleClients shared = DoubleClients.shared(environment);
        shared.close();

        assertThat(DoubleClients.shared(Map.of(HarnessEnvironment.ENDPOINT_URL, "http://127.0.0.1:1", "OTHER", "x"))).isSameAs(shared);
        assertThat(DoubleClients.shared(Map.of(HarnessEnvironment.ENDPOINT_URL, "http://127.0.0.1:2"))).isNotSameAs(shared);
        assertThat(shared.sqs()).isNotNull();
    }

    @Test
    void aMalformedEndpointIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> DoubleClients.create(Map.of(HarnessEnvironment.ENDPOINT_URL, "127.0.0.1:4566")))
                .hasMessageStartingWith("__AWS_TEST_HARNESS__ENDPOINT_URL must be a URL such as http://127.0.0.1:4566 but was '127.0.0.1:4566'");
    }
}

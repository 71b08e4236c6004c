package dev.awstestharness.infrastructure.macro;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.infrastructure.Fixtures;
import dev.awstestharness.infrastructure.Templates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The macro's handler, called in-process as Lambda calls it. */
class TestDoublesMacroTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDoublesMacro macro = new TestDoublesMacro(MacroEvents.environment());

    @Test
    void itAnswersWithTheTemplateTheOfflineRendererProduces() {
        Map<String, Object> response = macro.handleRequest(MacroEvents.example(), null);
        assertThat(response).containsEntry("requestId", MacroEvents.REQUEST_ID).containsEntry("status", "success").doesNotContainKey("errorMessage");
        ObjectNode offline = Templates.renderTransformed(Fixtures.exampleTemplate(), Fixtures.SETTINGS, "example/template.yaml");
        offline.remove("Transform"); // CloudFormation sends the fragment without it, and applies SAM next
        assertThat(JSON.valueToTree(response.get("fragment")).equals(offline)).isTrue();
    }

    @Test
    void theDoublesComeFromTheParameterValuesNotTheDefaults() {
        Map<String, Object> request = MacroEvents.request(Fixtures.exampleTemplate(), Map.of("AWSTestHarnessS3Buckets", List.of("First", "Second",
                "Third"), "AWSTestHarnessECSTaskFamilies", "{\"First\": {\"Containers\": [\"Blue\"]}, \"Second\": {\"Containers\": [\"Red\"]}}"));
        JsonNode fragment = JSON.valueToTree(macro.handleRequest(request, null).get("fragment"));
        assertThat(fragment.path("Resources").has("ThirdAWSTestHarnessS3Bucket")).isTrue();
        assertThat(fragment.at("/Resources/FirstAWSTestHarnessECSTaskDefinition/Properties/ContainerDefinitions")).hasSize(1);
    }

    @Test
    void anInvalidDeclarationFailsNamingTheParameterAndWhatWasExpected() {
        Map<String, Object> request = MacroEvents.request(Fixtures.exampleTemplate(), Map.of("AWSTestHarnessDynamoDBTables",
                "{\"First\": {\"SortKey\": {\"Name\": \"SK\", \"Type\": \"S\"}}}"));
        Map<String, Object> response = macro.handleRequest(request, null);
        assertThat(response).containsEntry("requestId", MacroEvents.REQUEST_ID).containsEntry("status", "failure");
        assertThat((String) response.get("errorMessage")).isEqualTo("the template: parameter AWSTestHarnessDynamoDBTables (table First): has no "
                + "PartitionKey; give it like {\"Orders\": {\"PartitionKey\": {\"Name\": \"PK\", \"Type\": \"S\"}, \"SortKey\": {\"Name\": \"SK\", "
                + "\"Type\": \"S\"}}}");
    }

    @Test
    void aConflictWithAGeneratedLogicalIdFailsNamingIt() {
        JsonNode template = Fixtures.exampleTemplate().deepCopy();
        ((ObjectNode) template.path("Resources")).putObject("AWSTestHarnessEventsQueue").put("Type", "AWS::SQS::Queue");
        Map<String, Object> response = macro.handleRequest(MacroEvents.request(template, Map.of()), null);
        assertThat(response.get("status")).isEqualTo("failure");
        assertThat((String) response.get("errorMessage")).startsWith("the template: Resources.AWSTestHarnessEventsQueue: the template declares "
                + "'AWSTestHarnessEventsQueue', which the AWSTestHarness-TestDoubles transform generates (the harness's events queue)");
    }

    @Test
    void anIncompleteInstallationFailsNamingTheMissingVariable() {
        Map<String, String> environment = new HashMap<>(MacroEvents.environment());
        environment.remove(MacroEnvironment.RELAY_CODE_KEY);
        Map<String, Object> response = new TestDoublesMacro(environment).handleRequest(MacroEvents.example(), null);
        assertThat(response.get("status")).isEqualTo("failure");
        assertThat((String) response.get("errorMessage")).isEqualTo("The macro's installation is incomplete or invalid: the environment variable "
                + "RELAY_CODE_KEY of the macro's function is not set; reinstall with the installer");
    }

    @Test
    void aRequestWithoutAFragmentFailsSayingWhatIsMissing() {
        Map<String, Object> request = new HashMap<>(MacroEvents.example());
        request.remove("fragment");
        Map<String, Object> response = macro.handleRequest(request, null);
        assertThat(response.get("status")).isEqualTo("failure");
        assertThat((String) response.get("errorMessage")).startsWith("The macro needs the template as 'fragment' (a mapping), but the request has none");
    }

    @Test
    void theHandlerStringNamesThisClass() {
        assertThat(TestDoublesMacro.HANDLER).isEqualTo("dev.awstestharness.infrastructure.macro.TestDoublesMacro::handleRequest");
    }
}

package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class StateMachineApiTest {
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String OTHER_PASS = "{\"StartAt\":\"Q\",\"States\":{\"Q\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}";

    static LocalCloud cloud;
    static SfnClient sfn;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        sfn = Sfn.client(cloud);
    }

    @AfterAll
    static void stop() {
        sfn.close();
        cloud.close();
    }

    @Test
    void createsAStateMachineThatDescribeStateMachineShowsAsGiven() {
        Instant before = Instant.now().minusSeconds(1);
        String name = Sfn.uniqueName("Orders");
        CreateStateMachineResponse created = sfn.createStateMachine(r -> r.name(name).definition(PASS).roleArn(Sfn.ROLE));

        assertThat(created.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:" + name);
        assertThat(created.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
        DescribeStateMachineResponse described = sfn.describeStateMachine(r -> r.stateMachineArn(created.stateMachineArn()));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(Sfn.ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.creationDate()).isEqualTo(created.creationDate());
    }

    @Test
    void createsExpressStateMachines() {
        String arn = Sfn.create(sfn, PASS, StateMachineType.EXPRESS);

        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).type()).isEqualTo(StateMachineType.EXPRESS);
    }

    @Test
    void acceptsYamlDefinitions() {
        String yaml = "StartAt: P\nStates:\n  P:\n    Type: Pass\n    End: true\n";

        String arn = Sfn.create(sfn, yaml);

        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(yaml);
    }

    @Test
    void creatingTheSameStateMachineAgainReturnsTheExistingOne() {
        String name = Sfn.uniqueName("Twice");
        CreateStateMachineResponse first = sfn.createStateMachine(r -> r.name(name).definition(PASS).roleArn(Sfn.ROLE));

        CreateStateMachineResponse second = sfn.createStateMachine(r -> r.name(name).definition(PASS).roleArn(Sfn.ROLE));

        assertThat(second.stateMachineArn()).isEqualTo(first.stateMachineArn());
        assertThat(second.creationDate()).isEqualTo(first.creationDate());
    }

    @Test
    void creatingAStateMachineWhoseNameIsTakenByAnotherDefinitionFailsWithStateMachineAlreadyExists() {
        String name = Sfn.uniqueName("Taken");
        String arn = sfn.createStateMachine(r -> r.name(name).definition(PASS).roleArn(Sfn.ROLE)).stateMachineArn();

        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(name).definition(OTHER_PASS).roleArn(Sfn.ROLE)))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageStartingWith("State Machine Already Exists: '" + arn + "'");
    }

    @Test
    void aDefinitionThatIsNotJsonFailsWithInvalidDefinitionSayingWhere() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(Sfn.uniqueName("Bad")).definition("{\"StartAt\": ").roleArn(Sfn.ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: The definition is not valid JSON or YAML");
    }

    @Test
    void aDefinitionWithAMissingTransitionTargetFailsWithInvalidDefinitionNamingTheState() {
        String definition = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";

        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(Sfn.uniqueName("Bad")).definition(definition).roleArn(Sfn.ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("Invalid State Machine Definition: '")
                .hasMessageContaining("MISSING_TRANSITION_TARGET")
                .hasMessageContaining("Nowhere");
    }

    @Test
    void invalidNamesFailWithInvalidName() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("has space").definition(PASS).roleArn(Sfn.ROLE)))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageStartingWith("Invalid Name: 'has space'");
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("a:b").definition(PASS).roleArn(Sfn.ROLE)))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void namesLongerThan80CharactersFailWithValidationException() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("n".repeat(81)).definition(PASS).roleArn(Sfn.ROLE)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at 'name' failed to satisfy constraint: Member must have length less than or equal to 80");
    }

    @Test
    void missingRequiredParametersFailWithValidationExceptionNamingThem() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(Sfn.uniqueName("NoRole")).definition(PASS)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anUnknownTypeFailsWithValidationException() {
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(Sfn.uniqueName("T")).definition(PASS).roleArn(Sfn.ROLE).type("FAST")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value 'FAST' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }

    @Test
    void malformedArnsFailWithInvalidArn() {
        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageStartingWith("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:execution:M:e")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageStartingWith("Invalid Arn: 'Resource type not valid in this context: execution'");
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name(Sfn.uniqueName("R")).definition(PASS).roleArn("role")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("role");
    }

    @Test
    void describingAnUnknownStateMachineFailsWithStateMachineDoesNotExist() {
        String arn = "arn:aws:states:us-east-1:123456789012:stateMachine:Missing";

        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageStartingWith("State Machine Does Not Exist: '" + arn + "'");
    }

    @Test
    void updatesTheDefinitionAndTheRole() {
        String arn = Sfn.create(sfn, PASS);
        String otherRole = "arn:aws:iam::123456789012:role/other";

        Instant updated = sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(OTHER_PASS).roleArn(otherRole)).updateDate();

        assertThat(updated).isNotNull();
        DescribeStateMachineResponse described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
        assertThat(described.definition()).isEqualTo(OTHER_PASS);
        assertThat(described.roleArn()).isEqualTo(otherRole);
        assertThat(described.revisionId()).isNotBlank();
        assertThat(Sfn.await(sfn, Sfn.start(sfn, arn, "{}")).output()).isEqualTo("1");
    }

    @Test
    void updatingTheRoleAloneKeepsTheDefinition() {
        String arn = Sfn.create(sfn, PASS);

        sfn.updateStateMachine(r -> r.stateMachineArn(arn).roleArn("arn:aws:iam::123456789012:role/x"));

        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(PASS);
    }

    @Test
    void updatingWithNothingToChangeFailsWithMissingRequiredParameter() {
        String arn = Sfn.create(sfn, PASS);

        assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(MissingRequiredParameterException.class)
                .hasMessageStartingWith("Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    }

    @Test
    void updatingWithAnInvalidDefinitionFailsWithInvalidDefinitionAndKeepsTheOldOne() {
        String arn = Sfn.create(sfn, PASS);

        assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition("{\"States\":{}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("StartAt");
        assertThat(sfn.describeStateMachine(r -> r.stateMachineArn(arn)).definition()).isEqualTo(PASS);
    }

    @Test
    void updatingAnUnknownStateMachineFailsWithStateMachineDoesNotExist() {
        assertThatThrownBy(() -> sfn.updateStateMachine(r -> r.stateMachineArn("arn:aws:states:us-east-1:123456789012:stateMachine:Gone").definition(PASS)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void deletedStateMachinesAreGoneAndDeletingTwiceIsFine() {
        String arn = Sfn.create(sfn, PASS);

        sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
        sfn.deleteStateMachine(r -> r.stateMachineArn(arn));

        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn))).isInstanceOf(StateMachineDoesNotExistException.class);
        assertThat(sfn.listStateMachinesPaginator(r -> r.maxResults(1000)).stateMachines())
                .extracting(StateMachineListItem::stateMachineArn).doesNotContain(arn);
    }

    @Test
    void listsStateMachinesInPagesInCreationOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) created.add(Sfn.create(sfn, PASS));

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String next = token;
            ListStateMachinesResponse page = sfn.listStateMachines(r -> r.maxResults(3).nextToken(next));
            assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(3);
            page.stateMachines().forEach(item -> listed.add(item.stateMachineArn()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(listed).containsSubsequence(created);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        StateMachineListItem item = sfn.listStateMachines(r -> r.maxResults(1000)).stateMachines().stream()
                .filter(listedItem -> listedItem.stateMachineArn().equals(created.get(0))).findFirst().orElseThrow();
        assertThat(item.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(item.creationDate()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
    }

    @Test
    void aForgedNextTokenFailsWithInvalidToken() {
        assertThatThrownBy(() -> sfn.listStateMachines(r -> r.nextToken("forged")))
                .isInstanceOf(software.amazon.awssdk.services.sfn.model.InvalidTokenException.class)
                .hasMessageStartingWith("Invalid Token: 'forged'");
    }

    @Test
    void maxResultsAbove1000FailsWithValidationException() {
        assertThatThrownBy(() -> sfn.listStateMachines(r -> r.maxResults(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have value less than or equal to 1000");
    }

    @Test
    void validatesAGoodDefinitionAsOk() {
        ValidateStateMachineDefinitionResponse response = sfn.validateStateMachineDefinition(r -> r.definition(PASS));

        assertThat(response.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(response.diagnostics()).isEmpty();
    }

    @Test
    void validatesABadDefinitionWithADiagnosticPerProblem() {
        String definition = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"},\"B\":{\"Type\":\"Teleport\"}}}";

        ValidateStateMachineDefinitionResponse response = sfn.validateStateMachineDefinition(r -> r.definition(definition));

        assertThat(response.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(response.diagnostics()).isNotEmpty().allSatisfy(diagnostic -> {
            assertThat(diagnostic.severityAsString()).isEqualTo("ERROR");
            assertThat(diagnostic.code()).isNotBlank();
            assertThat(diagnostic.message()).isNotBlank();
        });
        assertThat(response.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::code).contains("MISSING_TRANSITION_TARGET");
        assertThat(response.diagnostics()).extracting(ValidateStateMachineDefinitionDiagnostic::location).anyMatch(location ->
                location != null && location.startsWith("/States/"));
    }
}

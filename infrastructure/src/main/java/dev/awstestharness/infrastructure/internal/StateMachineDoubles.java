package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.statemachine.DoubleStateMachine;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.io.UncheckedIOException;

/** The state machine doubles: one STANDARD state machine with {@link DoubleStateMachine}'s definition per name, and their role. */
final class StateMachineDoubles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateMachineDoubles() {}

    static void add(GeneratedTemplate template, DoublesDeclaration declaration, TestDoublesSettings settings) {
        if (declaration.stateMachines().isEmpty()) return;
        Iam.role("states.amazonaws.com", "aws-test-harness: the state machine doubles send their invocations to the harness")
                .sourceAccountCondition()
                .policy("RelayInvocations", SharedResources.readSessionStatement(), SharedResources.sendInvocationStatement())
                .addTo(template, GeneratedResources.STATE_MACHINE_ROLE, "the role of the state machine doubles");
        template.output(GeneratedResources.STATE_MACHINE_ROLE + "Arn", "The role of the state machine doubles",
                Cfn.getAtt(GeneratedResources.STATE_MACHINE_ROLE, "Arn"), null);

        JsonNode definition = definition(settings.resultTimeoutSeconds());
        for (String name : declaration.stateMachines()) {
            String logicalId = GeneratedResources.stateMachine(name);
            ObjectNode machine = template.resource(logicalId, "AWS::StepFunctions::StateMachine", "the state machine double '" + name + "'");
            // STANDARD: a double waits on a task token, which Express workflows cannot.
            machine.put("StateMachineType", "STANDARD");
            machine.set("Definition", definition.deepCopy());
            ObjectNode substitutions = machine.putObject("DefinitionSubstitutions");
            substitutions.put(DoubleStateMachine.DOUBLE_NAME_PLACEHOLDER, name);
            substitutions.set(DoubleStateMachine.EVENTS_QUEUE_URL_PLACEHOLDER, Cfn.ref(GeneratedResources.EVENTS_QUEUE));
            substitutions.set(DoubleStateMachine.TEST_CONTEXT_BUCKET_PLACEHOLDER, Cfn.ref(GeneratedResources.TEST_CONTEXT_BUCKET));
            substitutions.set(DoubleStateMachine.PARTITION_PLACEHOLDER, Cfn.ref(Cfn.PARTITION));
            machine.set("RoleArn", Cfn.getAtt(GeneratedResources.STATE_MACHINE_ROLE, "Arn"));

            template.output(logicalId + "Arn", "The ARN of the state machine double " + name, Cfn.ref(logicalId), null);
            template.output(logicalId + "Name", "The name of the state machine double " + name, Cfn.getAtt(logicalId, "Name"), null);
        }
    }

    private static JsonNode definition(int resultTimeoutSeconds) {
        try {
            return JSON.readTree(DoubleStateMachine.definitionTemplate(resultTimeoutSeconds));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

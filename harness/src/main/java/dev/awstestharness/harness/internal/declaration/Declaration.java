package dev.awstestharness.harness.internal.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a template declares: the test doubles (from the defaults of the five {@code AWSTestHarness*} parameters), the
 * other parameters' defaults, and the state machines under test. Read with {@link DeclarationReader}.
 *
 * @param parameters the other parameters by name: their default (a CommaDelimitedList or List&lt;...&gt; parameter as an
 *     array), absent when the parameter has none
 * @param parameterTypes every parameter's {@code Type}
 * @param otherResources the template's other resources (logical id → type): not deployed by the local target
 * @param mappings the {@code Mappings} section (an empty object when there is none)
 */
public record Declaration(TemplateSource source, List<String> lambdaFunctions, List<String> stateMachines, List<String> s3Buckets,
        Map<String, TableDeclaration> dynamoDbTables, Map<String, TaskFamilyDeclaration> ecsTaskFamilies, Map<String, JsonNode> parameters,
        Map<String, String> parameterTypes, Map<String, StateMachineUnderTest> stateMachinesUnderTest, Map<String, String> otherResources,
        JsonNode mappings) {

    public static final String LAMBDA_FUNCTIONS = DoublesDeclaration.LAMBDA_FUNCTIONS;
    public static final String STATE_MACHINES = DoublesDeclaration.STATE_MACHINES;
    public static final String S3_BUCKETS = DoublesDeclaration.S3_BUCKETS;
    public static final String DYNAMODB_TABLES = DoublesDeclaration.DYNAMODB_TABLES;
    public static final String ECS_TASK_FAMILIES = DoublesDeclaration.ECS_TASK_FAMILIES;
    /** The five parameters that declare the doubles (parsed by {@link DoublesDeclaration}, shared with the macro). */
    public static final Set<String> DOUBLE_PARAMETERS = Set.copyOf(DoublesDeclaration.PARAMETERS);

    /** A DynamoDB table double: its partition key and optional sort key ({@code null} when none). */
    public record TableDeclaration(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {}

    /** A key attribute: its name and type ({@code S}, {@code N} or {@code B}). */
    public record KeyAttribute(String name, String type) {}

    /** An ECS task double: its family (the declared name) and its containers, in order. */
    public record TaskFamilyDeclaration(String family, List<String> containers) {}

    /**
     * A state machine under test.
     *
     * @param resourceType {@code AWS::Serverless::StateMachine} or {@code AWS::StepFunctions::StateMachine}
     * @param type STANDARD or EXPRESS
     * @param name the name property ({@code Name} or {@code StateMachineName}), unresolved; {@code null} when absent
     * @param definition where the definition comes from
     * @param substitutions {@code DefinitionSubstitutions}, unresolved; an empty object when absent
     */
    public record StateMachineUnderTest(String logicalId, String resourceType, String type, JsonNode name, Definition definition,
            JsonNode substitutions) {
        /** The template path of one of this resource's properties, for messages. */
        public String field(String property) {
            return "Resources." + logicalId + ".Properties." + property;
        }
    }

    /**
     * A definition as the template gives it.
     *
     * @param property the property it came from ({@code DefinitionUri}, {@code Definition} or {@code DefinitionString})
     * @param fileText the file's text ({@code DefinitionUri}); {@code null} otherwise
     * @param file the file's path relative to the template ({@code DefinitionUri}); {@code null} otherwise
     * @param value the unresolved property value ({@code Definition}, {@code DefinitionString}); {@code null} for a file
     */
    public record Definition(String property, String file, String fileText, JsonNode value) {}

    /** Whether any double is declared at all. */
    public boolean declaresDoubles() {
        return !lambdaFunctions.isEmpty() || !stateMachines.isEmpty() || !s3Buckets.isEmpty() || !dynamoDbTables.isEmpty()
                || !ecsTaskFamilies.isEmpty();
    }
}

package dev.awstestharness.harness.internal.declaration;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
    private static final String TEMPLATE = """
            Parameters:
              AWSTestHarnessLambdaFunctions: {Type: CommaDelimitedList, Default: "First"}
              Names: {Type: CommaDelimitedList, Default: "a, b,c"}
              Stage: {Type: String, Default: test}
              NoDefault: {Type: String}
            Mappings:
              Sizes: {test: {Memory: 512}}
            Resources:
              Role: {Type: AWS::IAM::Role}
            """;

    private final Declaration declaration = DeclarationReader.read(TemplateSource.of(Path.of("t.yaml")), TEMPLATE);
    private final Intrinsics intrinsics = new Intrinsics(declaration,
            new Intrinsics.PseudoParameters("eu-west-1", "111122223333", "aws", "stack", "amazonaws.com"),
            Map.of("FirstAWSTestHarnessLambdaFunction", ResourceValues.of("FirstAWSTestHarnessLambdaFunction", "AWS::Lambda::Function",
                    "the Lambda function double First", "first-fn", "Arn", "arn:aws:lambda:eu-west-1:111122223333:function:first-fn")));

    @Test
    void evaluatesRefGetAttAndPseudoParameters() {
        assertThat(resolve("{\"Ref\": \"FirstAWSTestHarnessLambdaFunction\"}")).isEqualTo(json("\"first-fn\""));
        assertThat(resolve("{\"Fn::GetAtt\": [\"FirstAWSTestHarnessLambdaFunction\", \"Arn\"]}"))
                .isEqualTo(json("\"arn:aws:lambda:eu-west-1:111122223333:function:first-fn\""));
        assertThat(resolve("{\"Fn::GetAtt\": \"FirstAWSTestHarnessLambdaFunction.Arn\"}").asText()).endsWith(":function:first-fn");
        assertThat(resolve("{\"Ref\": \"Stage\"}")).isEqualTo(json("\"test\""));
        assertThat(resolve("{\"Ref\": \"Names\"}")).isEqualTo(json("[\"a\", \"b\", \"c\"]"));
        assertThat(resolve("[{\"Ref\": \"AWS::Region\"}, {\"Ref\": \"AWS::AccountId\"}, {\"Ref\": \"AWS::Partition\"}, {\"Ref\": \"AWS::StackName\"}]"))
                .isEqualTo(json("[\"eu-west-1\", \"111122223333\", \"aws\", \"stack\"]"));
    }

    @Test
    void evaluatesSubJoinSelectSplitAndFindInMap() {
        assertThat(resolve("{\"Fn::Sub\": \"${AWS::Region}:${FirstAWSTestHarnessLambdaFunction}:${FirstAWSTestHarnessLambdaFunction.Arn}:${!Literal}\"}"))
                .isEqualTo(json("\"eu-west-1:first-fn:arn:aws:lambda:eu-west-1:111122223333:function:first-fn:${Literal}\""));
        assertThat(resolve("{\"Fn::Sub\": [\"${A}-${Stage}\", {\"A\": {\"Fn::Select\": [1, {\"Ref\": \"Names\"}]}}]}")).isEqualTo(json("\"b-test\""));
        assertThat(resolve("{\"Fn::Join\": [\"|\", {\"Ref\": \"Names\"}]}")).isEqualTo(json("\"a|b|c\""));
        assertThat(resolve("{\"Fn::Select\": [\"2\", {\"Fn::Split\": [\":\", {\"Fn::GetAtt\": [\"FirstAWSTestHarnessLambdaFunction\", \"Arn\"]}]}]}"))
                .isEqualTo(json("\"lambda\""));
        assertThat(resolve("{\"Fn::FindInMap\": [\"Sizes\", {\"Ref\": \"Stage\"}, \"Memory\"]}")).isEqualTo(json("512"));
        assertThat(resolve("{\"Plain\": [1, {\"Nested\": {\"Ref\": \"Stage\"}}]}")).isEqualTo(json("{\"Plain\": [1, {\"Nested\": \"test\"}]}"));
    }

    @Test
    void anUnknownAttributeNamesTheResourceAndItsAttributes() {
        assertThatThrownBy(() -> resolve("{\"Fn::GetAtt\": [\"FirstAWSTestHarnessLambdaFunction\", \"Arnn\"]}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.yaml: Resources.X.Properties.P: !GetAtt FirstAWSTestHarnessLambdaFunction.Arnn: the Lambda function double First "
                        + "(FirstAWSTestHarnessLambdaFunction, AWS::Lambda::Function) has no attribute Arnn; it has Arn");
    }

    @Test
    void aResourceTheHarnessDoesNotDeployIsNamed() {
        assertThatThrownBy(() -> resolve("{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}"))
                .hasMessage("t.yaml: Resources.X.Properties.P: !GetAtt Role.Arn: the resource Role (AWS::IAM::Role) is not deployed by the "
                        + "harness; definitions can refer to the test doubles' resources, the state machines under test and parameters");
        assertThatThrownBy(() -> resolve("{\"Ref\": \"SecondAWSTestHarnessLambdaFunction\"}"))
                .hasMessage("t.yaml: Resources.X.Properties.P: !Ref SecondAWSTestHarnessLambdaFunction: the template declares no Lambda function "
                        + "double 'Second' (parameter AWSTestHarnessLambdaFunctions declares First)");
        assertThatThrownBy(() -> resolve("{\"Ref\": \"Elsewhere\"}"))
                .hasMessage("t.yaml: Resources.X.Properties.P: !Ref Elsewhere: there is no parameter or resource named Elsewhere; the harness's "
                        + "resources are FirstAWSTestHarnessLambdaFunction");
    }

    @Test
    void unsupportedFunctionsAndParametersWithoutDefaultAreNamed() {
        assertThatThrownBy(() -> resolve("{\"Fn::If\": [\"C\", 1, 2]}"))
                .hasMessageStartingWith("t.yaml: Resources.X.Properties.P: Fn::If is not supported by the harness (it evaluates Ref, Fn::GetAtt");
        assertThatThrownBy(() -> resolve("{\"Ref\": \"NoDefault\"}"))
                .hasMessageEndingWith("!Ref NoDefault: the parameter NoDefault has no Default; give it one (the local target uses the defaults)");
        assertThatThrownBy(() -> resolve("{\"Ref\": \"AWS::NotificationARNs\"}")).hasMessageContaining("the pseudo parameter AWS::NotificationARNs is not supported");
        assertThatThrownBy(() -> intrinsics.resolveScalar(json("{\"Ref\": \"Names\"}"), "Resources.X.Properties.P"))
                .hasMessage("t.yaml: Resources.X.Properties.P: must be a string, a number or a boolean, but !Ref Names gives a list [\"a\",\"b\",\"c\"]");
    }

    @Test
    void definitionSubstitutionsReplaceTheirPlaceholdersOnly() {
        assertThat(DefinitionRenderer.substitute("{\"A\": \"${X}\", \"B\": ${N}, \"C\": \"${Unknown}\", \"D\": \"$${X}\"}",
                Map.of("X", "x-value", "N", "30")))
                .isEqualTo("{\"A\": \"x-value\", \"B\": 30, \"C\": \"${Unknown}\", \"D\": \"$x-value\"}");
    }

    private JsonNode resolve(String value) {
        return intrinsics.resolve(json(value), "Resources.X.Properties.P");
    }
}

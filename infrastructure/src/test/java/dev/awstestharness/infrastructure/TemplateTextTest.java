package dev.awstestharness.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Reading templates as CloudFormation does, and writing them so that they read back the same. */
class TemplateTextTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void shortFormTagsBecomeTheLongForm() throws Exception {
        JsonNode template = Templates.readTemplate("""
                Version: 2012-10-17
                A: !Ref X
                B: !GetAtt R.Endpoint.Address
                C: !GetAtt [R, Arn]
                D: !Sub "${X}-y"
                E: !Join [",", !Split ["|", !Select [0, !Ref L]]]
                F: !If [C1, !Condition C2, !Base64 x]
                G: !FindInMap [M, K1, K2]
                H: 007
                I: true
                """, "t.yaml");
        assertThat(template).isEqualTo(json("""
                {"Version": "2012-10-17", "A": {"Ref": "X"}, "B": {"Fn::GetAtt": ["R", "Endpoint.Address"]}, "C": {"Fn::GetAtt": ["R", "Arn"]},
                 "D": {"Fn::Sub": "${X}-y"}, "E": {"Fn::Join": [",", {"Fn::Split": ["|", {"Fn::Select": [0, {"Ref": "L"}]}]}]},
                 "F": {"Fn::If": ["C1", {"Condition": "C2"}, {"Fn::Base64": "x"}]}, "G": {"Fn::FindInMap": ["M", "K1", "K2"]}, "H": 7, "I": true}
                """));
    }

    @Test
    void syntaxErrorsAndUnknownTagsNameTheLine() {
        assertThatThrownBy(() -> Templates.readTemplate("A: 1\nB: !Reff X\n", "t.yaml"))
                .isInstanceOf(InvalidTemplateException.class).hasMessageStartingWith("t.yaml line 2, column 4: unknown tag !Reff");
        assertThatThrownBy(() -> Templates.readTemplate("A: [1\nB: 2\n", "t.yaml")).hasMessageStartingWith("t.yaml line 2, column 2: not valid YAML");
        assertThatThrownBy(() -> Templates.readTemplate("{\"A\": [}", "t.json")).hasMessageStartingWith("t.json line 1, column 8: not valid JSON");
        assertThatThrownBy(() -> Templates.readTemplate("A: 1\nA: 2\n", "t.yaml")).hasMessage("t.yaml line 2, column 1: the key 'A' appears twice in one mapping");
    }

    @Test
    void writtenYamlAndJsonReadBackAsTheSameTemplate() {
        JsonNode template = Templates.renderTransformed(Fixtures.exampleTemplate(), Fixtures.SETTINGS, "example/template.yaml");
        String yaml = Templates.toYaml(template);
        assertThat(Templates.readTemplate(yaml, "out.yaml")).isEqualTo(template);
        assertThat(Templates.readTemplate(Templates.toJson(template), "out.json")).isEqualTo(template);
        // Strings YAML 1.1 would read as something else stay strings.
        assertThat(yaml).contains("AWSTemplateFormatVersion: \"2010-09-09\"", "Version: \"2012-10-17\"", "Cpu: \"512\"");
    }
}

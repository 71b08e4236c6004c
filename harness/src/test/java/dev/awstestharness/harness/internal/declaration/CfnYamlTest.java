package dev.awstestharness.harness.internal.declaration;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CfnYamlTest {
    @Test
    void shortFormTagsBecomeTheirLongForm() {
        String yaml = """
                A: !Ref Thing
                B: !GetAtt Thing.Arn
                C: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'
                D: !Sub
                  - '${X}-${Y}'
                  - X: !Ref One
                    Y: !GetAtt Two.Name
                E: !Join [',', !Ref List]
                F: !Select [0, !Split ['/', !Ref Arn]]
                G: !GetAtt [Thing, Arn]
                H: !If [Cond, yes, no]
                """;

        assertThat(CfnYaml.parse(yaml, "t.yaml")).isEqualTo(json("""
                {"A": {"Ref": "Thing"},
                 "B": {"Fn::GetAtt": ["Thing", "Arn"]},
                 "C": {"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}/*"},
                 "D": {"Fn::Sub": ["${X}-${Y}", {"X": {"Ref": "One"}, "Y": {"Fn::GetAtt": ["Two", "Name"]}}]},
                 "E": {"Fn::Join": [",", {"Ref": "List"}]},
                 "F": {"Fn::Select": [0, {"Fn::Split": ["/", {"Ref": "Arn"}]}]},
                 "G": {"Fn::GetAtt": ["Thing", "Arn"]},
                 "H": {"Fn::If": ["Cond", true, false]}}
                """));
    }

    @Test
    void scalarsKeepTheirJsonTypesAndTimestampsStayText() {
        String yaml = """
                version: 2010-09-09
                time: 2016-03-14T01:59:00Z
                int: 42
                big: 123456789012345678901234567890
                float: 1.5
                quoted: "42"
                nothing: ~
                flag: true
                """;

        assertThat(CfnYaml.parse(yaml, "t.yaml")).isEqualTo(json("""
                {"version": "2010-09-09", "time": "2016-03-14T01:59:00Z", "int": 42, "big": 123456789012345678901234567890,
                 "float": 1.5, "quoted": "42", "nothing": null, "flag": true}
                """));
    }

    @Test
    void anUnknownTagIsNamedWithItsLine() {
        assertThatThrownBy(() -> CfnYaml.parse("A: 1\nB: !Reff Thing\n", "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.yaml line 2, column 4: unknown tag !Reff; CloudFormation's short forms are !Ref, !Condition and !And");
    }

    @Test
    void invalidYamlIsNamedWithItsLine() {
        assertThatThrownBy(() -> CfnYaml.parse("A:\n  - 1\n  B: 2\n", "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.yaml line 3, column 3: not valid YAML:");
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThatThrownBy(() -> CfnYaml.parse("A: 1\nA: 2\n", "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yaml")
                .hasMessageContaining("duplicate key A");
    }
}

package dev.awstestharness.harness.internal.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.profiles.ProfileFile;

class AwsSettingsTest {
    @TempDir
    Path directory;

    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    private AwsSettings read() throws Exception {
        Path config = directory.resolve("config");
        Files.writeString(config, "[default]\nregion = ap-southeast-2\n[profile ci]\nregion = ca-central-1\n[profile bare]\noutput = json\n");
        Supplier<ProfileFile> profiles = () -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        return AwsSettings.read(SettingsSource.of(name -> Optional.ofNullable(parameters.get(name)), environment), profiles);
    }

    @Test
    void readsEverySettingFromParametersOrEnvironmentVariablesAndParametersWin() throws Exception {
        environment.put("AWS_TEST_HARNESS_STACK_NAME", "from-environment");
        environment.put("AWS_TEST_HARNESS_REGION", "eu-west-1");
        environment.put("AWS_TEST_HARNESS_PROFILE", "ci");
        environment.put("AWS_TEST_HARNESS_ROLE_ARN", "arn:aws:iam::123456789012:role/tester");
        environment.put("AWS_TEST_HARNESS_EXECUTION_TIMEOUT", "90s");
        assertThat(read()).isEqualTo(new AwsSettings("from-environment", "eu-west-1", "ci", "arn:aws:iam::123456789012:role/tester",
                Duration.ofSeconds(90)));

        parameters.put("aws.test.harness.stackName", "from-parameter");
        parameters.put("aws.test.harness.region", "us-west-2");
        parameters.put("aws.test.harness.profile", "other");
        parameters.put("aws.test.harness.roleArn", "arn:aws-cn:iam::123456789012:role/path/tester");
        parameters.put("aws.test.harness.executionTimeout", "PT2M");
        assertThat(read()).isEqualTo(new AwsSettings("from-parameter", "us-west-2", "other", "arn:aws-cn:iam::123456789012:role/path/tester",
                Duration.ofMinutes(2)));
    }

    @Test
    void withoutOptionalSettingsUsesTheDefaultCredentialsNoRoleAndFiveMinutes() throws Exception {
        parameters.put("aws.test.harness.stackName", "tests");
        parameters.put("aws.test.harness.region", "eu-west-1");

        assertThat(read()).isEqualTo(new AwsSettings("tests", "eu-west-1", null, null, Duration.ofMinutes(5)));
    }

    @Test
    void theRegionComesFromTheHarnessSettingThenTheSdksThenTheProfile() throws Exception {
        parameters.put("aws.test.harness.stackName", "tests");
        assertThat(read().region()).as("the default profile's").isEqualTo("ap-southeast-2");
        parameters.put("aws.profile", "ci");
        assertThat(read().region()).as("the named profile's").isEqualTo("ca-central-1");
        environment.put("AWS_DEFAULT_REGION", "sa-east-1");
        assertThat(read().region()).isEqualTo("sa-east-1");
        environment.put("AWS_REGION", "me-south-1");
        assertThat(read().region()).isEqualTo("me-south-1");
        parameters.put("aws.region", "af-south-1");
        assertThat(read().region()).isEqualTo("af-south-1");
        parameters.put("aws.test.harness.region", "eu-north-1");
        assertThat(read().region()).isEqualTo("eu-north-1");
    }

    @Test
    void aMissingRegionSaysWhereToGiveIt() {
        parameters.put("aws.test.harness.stackName", "tests");
        parameters.put("aws.test.harness.profile", "bare");

        assertThatThrownBy(this::read).isInstanceOf(TargetUnavailableException.class)
                .hasMessage("The aws target needs the region of the stack: set -Daws.test.harness.region=eu-west-1 (or the environment variable "
                        + "AWS_TEST_HARNESS_REGION), or the SDK's -Daws.region / AWS_REGION, or region in the profile 'bare' of ~/.aws/config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-stack", "Outer::Tests", "A::B::C", "arn:aws:cloudformation:eu-west-1:123456789012:stack/tests/0a1b"})
    void acceptsStackNamesNestedPathsAndArns(String name) throws Exception {
        parameters.put("aws.test.harness.stackName", name);

        assertThat(read().stackName()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1stack", "my_stack", "Outer::", "with space"})
    void rejectsWhatIsNoStackName(String name) {
        parameters.put("aws.test.harness.stackName", name);

        assertThatThrownBy(this::read).isInstanceOf(TargetUnavailableException.class).hasMessage("The stack name '" + name + "' (the system "
                + "property or JUnit configuration parameter aws.test.harness.stackName) is not a CloudFormation stack name: a letter, then "
                + "letters, digits and hyphens (at most 128), or a stack ARN; a nested stack is Parent::Child");
    }

    @Test
    void aRoleThatIsNoRoleArnIsNamed() {
        parameters.put("aws.test.harness.stackName", "tests");
        environment.put("AWS_TEST_HARNESS_ROLE_ARN", "tester");

        assertThatThrownBy(this::read).isInstanceOf(TargetUnavailableException.class).hasMessage("The role to assume 'tester' (the environment "
                + "variable AWS_TEST_HARNESS_ROLE_ARN) is not an IAM role ARN such as arn:aws:iam::123456789012:role/aws-test-harness-tester");
    }

    @ParameterizedTest
    @CsvSource({"300, PT5M", "90s, PT1M30S", "5m, PT5M", "10 min, PT10M", "1h, PT1H", "500ms, PT0.5S", "PT2M30S, PT2M30S"})
    void readsExecutionTimeoutsWithOrWithoutUnits(String text, String expected) {
        parameters.put("aws.test.harness.executionTimeout", text);

        assertThat(AwsSettings.executionTimeout(SettingsSource.of(name -> Optional.ofNullable(parameters.get(name)), environment)))
                .contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0", "-5s", "PT0S", "5 fortnights", "99999999999999999999"})
    void rejectsExecutionTimeoutsThatAreNoPositiveDuration(String text) {
        parameters.put("aws.test.harness.executionTimeout", text);

        assertThatThrownBy(() -> AwsSettings.executionTimeout(SettingsSource.of(name -> Optional.ofNullable(parameters.get(name)), environment)))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("aws.test.harness.executionTimeout must be a positive duration such as 300s, 5m or PT5M, but the system property or "
                        + "JUnit configuration parameter aws.test.harness.executionTimeout is '" + text + "'");
    }
}

package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

class LocalCloudServerTest {
    private static final Pattern LISTENING = Pattern.compile("Local cloud listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void theServerProcessPrintsItsEndpointAndServesStepFunctions() throws Exception {
        Process process = java("--port", "0", "--wait-scale", "0");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            Matcher matcher = LISTENING.matcher(line == null ? "" : line);
            assertThat(matcher.matches()).as("first line: %s", line).isTrue();
            assertThat(Integer.parseInt(matcher.group(2))).isPositive();

            try (SfnClient sfn = Sfn.client(URI.create(matcher.group(1)))) {
                String arn = Sfn.create(sfn, StateMachineApiTest.PASS);
                assertThat(sfn.listStateMachines(r -> r.maxResults(10)).stateMachines())
                        .extracting(StateMachineListItem::stateMachineArn).containsExactly(arn);
            }
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server stops when it is terminated").isTrue();
        }
    }

    @Test
    void invalidArgumentsExitWithCode2AndSayWhatIsWrong() throws Exception {
        Process process = java("--port", "seventy");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr).contains("--port needs a whole number but was 'seventy'");
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpPrintsTheOptions() throws Exception {
        Process process = java("--help");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--port N").contains("--wait-scale X").contains("--help");
    }

    @Test
    void parsesEveryOption() {
        LocalCloud.Builder builder = LocalCloudServer.parse(new String[] {"--port=0", "--wait-scale", "0.5", "--region", "eu-west-1",
                "--account-id", "111122223333", "--max-finished-executions", "5", "--max-finished-execution-age", "60"});

        try (LocalCloud cloud = builder.start(); SfnClient sfn = Sfn.client(cloud)) {
            String arn = sfn.createStateMachine(r -> r.name("Regional").definition(StateMachineApiTest.PASS).roleArn(Sfn.ROLE)).stateMachineArn();
            assertThat(arn).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:Regional");
            assertThat(cloud.stepFunctions().config().waitScale()).isEqualTo(0.5);
            assertThat(cloud.stepFunctions().config().maxFinishedExecutions()).isEqualTo(5);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LocalCloud cloud = LocalCloud.builder().start()) {
            LocalCloudServer.announce(cloud, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Local cloud listening on " + cloud.endpoint() + System.lineSeparator());
        }
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> LocalCloudServer.parse(new String[] {"--verbose", "1"})).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> LocalCloudServer.parse(new String[] {"--wait-scale", "-1"}))
                .hasMessage("--wait-scale: waitScale must be a finite number of 0 or more but was -1.0");
        assertThatThrownBy(() -> LocalCloudServer.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> LocalCloudServer.parse(new String[] {"--port", "70000"})).hasMessage("--port: port must be 0 to 65535 but was 70000");
        assertThatThrownBy(() -> LocalCloudServer.parse(new String[] {"serve"})).hasMessage("unexpected argument 'serve'");
        assertThat(LocalCloudServer.parse(new String[] {"--port", "1", "--help"})).isNull();
    }

    private static Process java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LocalCloudServer.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}

package dev.awstestharness.installer;

import dev.awstestharness.installer.aws.AwsSession;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/** Runs the installer's command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
    /** A context in which any AWS session or image push fails the test: what --dry-run and render must never need. */
    static InstallerContext offline(Map<String, String> environment) {
        return new InstallerContext(environment, new BufferedReader(new StringReader("")), (region, profile, env) -> {
            throw new AssertionError("The command opened an AWS session");
        }, Duration.ofMillis(1), (plan, repositoryUri, session, log) -> {
            throw new AssertionError("The command pushed an image");
        });
    }

    /** A context whose sessions are {@code session} and whose input is {@code input}. */
    static InstallerContext withSession(AwsSession session, String input, Installer.ImagePusher pusher) {
        return new InstallerContext(Map.of(), new BufferedReader(new StringReader(input)), (region, profile, env) -> session, Duration.ofMillis(1),
                pusher);
    }

    static CliRun run(InstallerContext context, String... args) {
        CommandLine commandLine = InstallerCli.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}

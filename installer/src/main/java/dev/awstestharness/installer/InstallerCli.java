package dev.awstestharness.installer;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The installer's command line: {@code install}, {@code render}, {@code uninstall}. */
@Command(name = "aws-test-harness-installer", mixinStandardHelpOptions = true, versionProvider = InstallerCli.Version.class,
        description = {"Installs aws-test-harness in an AWS account and region: the AWSTestHarness-TestDoubles macro, the Lambda relay's package "
                + "and the ECS runner image, so that templates can declare test doubles. See docs/installer.md."},
        footer = {"", "Every command takes --dry-run (say what it would do, calling no AWS API) and --help."})
public final class InstallerCli implements Runnable {
    @Spec
    CommandSpec spec;

    /** A command line whose commands use {@code context}, printing to {@code out} and {@code err} of the caller's choice. */
    public static CommandLine commandLine(InstallerContext context) {
        CommandLine commandLine = new CommandLine(new InstallerCli());
        commandLine.addSubcommand("install", new InstallCommand(context));
        commandLine.addSubcommand("render", new RenderCommand());
        commandLine.addSubcommand("uninstall", new UninstallCommand(context));
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (error instanceof InstallerException || error instanceof IllegalArgumentException || error instanceof IllegalStateException
                    || error instanceof java.io.UncheckedIOException) {
                err.println("Error: " + error.getMessage());
                err.flush();
                return InstallerException.EXIT_CODE;
            }
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.println("Unexpected error: " + error + "\n" + trace);
            err.flush();
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: install, render or uninstall (see --help)");
    }

    /** The version and commit of the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {"aws-test-harness-installer " + build.version() + build.commit().map(commit -> " (commit " + commit + ")").orElse("")};
        }
    }
}

package dev.awstestharness.installer;

import dev.awstestharness.infrastructure.InstallationSettings;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that name an installation (shared by every command). */
final class Naming {
    static final String DEFAULT_STACK_NAME = "aws-test-harness";

    @Option(names = "--prefix", defaultValue = "", paramLabel = "PREFIX",
            description = "Put before the macro's name (PREFIXAWSTestHarness-TestDoubles), the default stack name and the default ECR repository "
                    + "name, so that several installations share an account and region. Letters, digits, '-' and '_'. Default: none.")
    String prefix;

    @Option(names = "--stack-name", paramLabel = "NAME", description = "The installation stack's name. Default: PREFIX" + DEFAULT_STACK_NAME + ".")
    String stackName;

    @Option(names = "--repository-name", paramLabel = "NAME",
            description = "The ECR repository of the runner image. Default: PREFIX" + InstallationSettings.DEFAULT_RUNNER_REPOSITORY_NAME
                    + " (lower case).")
    String repositoryName;

    String stackName() {
        if (stackName != null && !stackName.isBlank()) return stackName.strip();
        return (prefix + DEFAULT_STACK_NAME).replace('_', '-');
    }

    String repositoryName() {
        if (repositoryName != null && !repositoryName.isBlank()) return repositoryName.strip();
        return (prefix.toLowerCase(Locale.ROOT).replace('_', '-')) + InstallationSettings.DEFAULT_RUNNER_REPOSITORY_NAME;
    }

    /** The installation's settings; the infrastructure module validates them. */
    InstallationSettings settings() {
        if (!stackName().matches("[A-Za-z][-A-Za-z0-9]{0,127}")) {
            throw new InstallerException("The stack name '" + stackName() + "' is not valid: a letter, then up to 127 letters, digits and '-'");
        }
        return InstallationSettings.builder().macroNamePrefix(prefix).runnerRepositoryName(repositoryName()).build();
    }
}

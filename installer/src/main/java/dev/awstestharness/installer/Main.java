package dev.awstestharness.installer;

/** {@code java -jar installer-VERSION-cli.jar <command> [options]}; {@code --help} lists the commands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(InstallerCli.commandLine(InstallerContext.system()).execute(args));
    }
}

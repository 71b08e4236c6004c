package dev.awstestharness.localcloud;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone local cloud: {@code java -jar local-cloud-VERSION-standalone.jar [--port N] [--wait-scale X]}. Prints
 * {@code Local cloud listening on http://127.0.0.1:PORT} once it accepts requests and runs until it is killed.
 */
public final class LocalCloudServer {
    static final String USAGE = """
            Usage: java -jar local-cloud-standalone.jar [options]

            Serves AWS-compatible endpoints (Step Functions, Lambda, ECS, SQS, DynamoDB, S3) on 127.0.0.1 until killed.

            Options:
              --port N                        port on 127.0.0.1; 0 or absent picks a free port
              --wait-scale X                  real time taken by Wait states and retry intervals:
                                              1 = real time (default), 0.01 = 100 times faster, 0 = no waiting
              --region R                      region in the ARNs (default us-east-1)
              --account-id A                  12-digit account id in the ARNs (default 123456789012)
              --max-finished-executions N     finished executions kept (default 10000)
              --max-finished-execution-age S  seconds a finished execution is kept (default 3600)
              --help                          print this help
            """;

    private LocalCloudServer() {}

    public static void main(String[] args) {
        LocalCloud cloud;
        try {
            LocalCloud.Builder builder = parse(args);
            if (builder == null) {
                System.out.print(USAGE);
                return;
            }
            cloud = builder.start();
        } catch (UsageException e) {
            System.err.println("local-cloud: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("local-cloud: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        announce(cloud, System.out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one line that tells a launcher where the cloud listens. */
    static void announce(LocalCloud cloud, PrintStream out) {
        out.println("Local cloud listening on " + cloud.endpoint());
        out.flush();
    }

    /**
     * The builder the arguments describe, or {@code null} for {@code --help}.
     *
     * @throws UsageException for unknown options or invalid values
     */
    static LocalCloud.Builder parse(String[] args) {
        LocalCloud.Builder builder = LocalCloud.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (option.equals("--help") || option.equals("-h")) return null;
            if (!option.startsWith("--")) throw new UsageException("unexpected argument '" + arg + "'");
            if (value == null) {
                if (i + 1 >= args.length) throw new UsageException(option + " needs a value");
                value = args[++i];
            }
            try {
                switch (option) {
                    case "--port" -> builder.port(integer(option, value));
                    case "--wait-scale" -> builder.waitScale(number(option, value));
                    case "--region" -> builder.region(value);
                    case "--account-id" -> builder.accountId(value);
                    case "--max-finished-executions" -> builder.maxFinishedExecutions(integer(option, value));
                    case "--max-finished-execution-age" -> builder.maxFinishedExecutionAge(Duration.ofSeconds(integer(option, value)));
                    default -> throw new UsageException("unknown option '" + option + "'");
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof UsageException) throw e;
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        return builder;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number but was '" + value + "'");
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number but was '" + value + "'");
        }
    }

    /** The command line is wrong; the message says how. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}

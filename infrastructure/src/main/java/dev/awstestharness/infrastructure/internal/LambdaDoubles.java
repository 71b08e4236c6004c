package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.Map;

/** The Lambda function doubles: one function running the relay per declared name, and their shared role. */
final class LambdaDoubles {
    /** The relay's handler: {@code dev.awstestharness.doubles.lambda.LambdaRelay} (a RequestStreamHandler). */
    static final String RELAY_HANDLER = "dev.awstestharness.doubles.lambda.LambdaRelay::handleRequest";
    static final String RUNTIME = "java21";
    /** Memory also buys CPU: the relay's cold start (JVM and SDK clients) takes about a second at this size. */
    static final int MEMORY_MB = 1024;
    /** Start-up and answer time on top of the result timeout, within Lambda's 900 s limit. */
    static final int TIMEOUT_MARGIN_SECONDS = 30;

    private LambdaDoubles() {}

    static void add(GeneratedTemplate template, DoublesDeclaration declaration, TestDoublesSettings settings) {
        if (declaration.lambdaFunctions().isEmpty()) return;
        Iam.role("lambda.amazonaws.com", "aws-test-harness: the Lambda function doubles relay their invocations to the harness")
                .policy("RelayInvocations", SharedResources.readSessionStatement(), SharedResources.sendInvocationStatement(),
                        SharedResources.readResultsStatement(), SharedResources.writeLogsStatement())
                .addTo(template, GeneratedResources.LAMBDA_FUNCTION_ROLE, "the role of the Lambda function doubles");
        template.output(GeneratedResources.LAMBDA_FUNCTION_ROLE + "Arn", "The role of the Lambda function doubles",
                Cfn.getAtt(GeneratedResources.LAMBDA_FUNCTION_ROLE, "Arn"), null);

        for (String name : declaration.lambdaFunctions()) {
            String logicalId = GeneratedResources.lambdaFunction(name);
            ObjectNode function = template.resource(logicalId, "AWS::Lambda::Function", "the Lambda function double '" + name + "'");
            function.put("Description", "aws-test-harness: the Lambda function double " + name);
            function.put("Runtime", RUNTIME);
            function.put("Handler", RELAY_HANDLER);
            function.set("Architectures", Cfn.array("arm64"));
            ObjectNode code = function.putObject("Code").put("S3Bucket", settings.relayCode().bucket()).put("S3Key", settings.relayCode().key());
            if (settings.relayCode().objectVersion() != null) code.put("S3ObjectVersion", settings.relayCode().objectVersion());
            function.set("Role", Cfn.getAtt(GeneratedResources.LAMBDA_FUNCTION_ROLE, "Arn"));
            function.put("MemorySize", MEMORY_MB);
            function.put("Timeout", settings.resultTimeoutSeconds() + TIMEOUT_MARGIN_SECONDS);
            ObjectNode variables = function.putObject("Environment").putObject("Variables");
            Map<String, Object> environment = SharedResources.doubleEnvironment();
            environment.put(HarnessEnvironment.DOUBLE_NAME, name);
            environment.put(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, Long.toString(settings.resultTimeoutSeconds() * 1000L));
            // Lambda accepts only names that start with a letter: the relay reads the AWS_TEST_HARNESS_ form.
            environment.forEach((variable, value) -> variables.set(HarnessEnvironment.lambdaName(variable), Cfn.node(value)));
            function.putObject("LoggingConfig").put("LogFormat", "Text").set("LogGroup", Cfn.ref(GeneratedResources.LOG_GROUP));

            template.output(logicalId + "Name", "The function name of the Lambda function double " + name, Cfn.ref(logicalId), null);
            template.output(logicalId + "Arn", "The ARN of the Lambda function double " + name, Cfn.getAtt(logicalId, "Arn"), null);
        }
    }
}

package dev.awstestharness.harness.internal.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.doubles.ecs.EcsTaskRunner;
import dev.awstestharness.doubles.lambda.LambdaRelay;
import dev.awstestharness.infrastructure.RunnerImage;
import dev.awstestharness.infrastructure.S3Location;
import dev.awstestharness.infrastructure.Templates;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import dev.awstestharness.localcloud.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * A template as the installed macro and CloudFormation would deploy it, offline: the template rendered by the
 * {@code AWSTestHarness-TestDoubles} transform (the generator the macro runs), then each resource of the rendered
 * template created in a local cloud from its own properties (a relay function's handler, timeout and environment, a
 * double state machine's definition and substitutions, a task definition's containers, images and environment), with
 * CloudFormation's intrinsic functions evaluated and physical names generated as CloudFormation generates them.
 *
 * <p>Where AWS differs from a local cloud, the deployment does what AWS would: the relay's code is the class on the
 * classpath instead of the S3 object, the runner image's URI (as the template names it) runs the runner's main, and
 * the doubles are told the local cloud's endpoint, which on AWS they find by default.
 */
final class RenderedStack {
    static final String RUNNER_TAG = "rehearsal";
    private static final TestDoublesSettings SETTINGS = TestDoublesSettings.builder()
            .relayCode(S3Location.of("artifacts-bucket", "aws-test-harness/relay.zip"))
            .runnerImage(new RunnerImage("aws-test-harness/ecs-task-runner", RUNNER_TAG))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Set<String> IGNORED_TYPES = Set.of("AWS::IAM::Role", "AWS::Logs::LogGroup");

    final ObjectNode rendered;
    final LocalCloud cloud;
    final SdkClients clients;
    final Map<String, Deployed> resources = new LinkedHashMap<>();
    private final String stackName;
    private final Path templateDirectory;

    /** A deployed resource: its physical id, what CloudFormation reports as its type, and its attributes. */
    record Deployed(String physicalId, String type, Map<String, String> attributes) {}

    private RenderedStack(ObjectNode rendered, LocalCloud cloud, String stackName, Path templateDirectory) {
        this.rendered = rendered;
        this.cloud = cloud;
        this.clients = SdkClients.local(cloud.endpoint(), LocalTarget.REGION);
        this.stackName = stackName;
        this.templateDirectory = templateDirectory;
    }

    /** Renders {@code template} (a file) and deploys every resource of the result into a new local cloud. */
    static RenderedStack deploy(Path template, String stackName) {
        ObjectNode rendered = Templates.renderTransformed(Templates.readTemplate(template), SETTINGS, template.toString());
        String runnerImage = LocalTarget.ACCOUNT_ID + ".dkr.ecr." + LocalTarget.REGION + ".amazonaws.com/" + SETTINGS.runnerImage().repositoryName()
                + ":" + RUNNER_TAG;
        LocalCloud[] started = new LocalCloud[1];
        started[0] = LocalCloud.builder().region(LocalTarget.REGION).accountId(LocalTarget.ACCOUNT_ID).waitScale(0)
                .containerImage(runnerImage, context -> {
                    Map<String, String> environment = new HashMap<>(context.environment());
                    environment.put(HarnessEnvironment.ENDPOINT_URL, started[0].endpoint().toString());
                    return EcsTaskRunner.run(environment, context.command());
                })
                .lambdaClassLoader(LambdaRelay.class.getClassLoader())
                .start();
        RenderedStack stack = new RenderedStack(rendered, started[0], stackName, template.toAbsolutePath().getParent());
        try {
            stack.deployAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    void close() {
        clients.close();
        cloud.close();
    }

    private void deployAll() {
        ObjectNode pending = rendered.path("Resources").deepCopy();
        while (!pending.isEmpty()) {
            List<String> ready = new ArrayList<>();
            pending.properties().forEach(entry -> {
                if (dependencies(entry.getValue()).stream().allMatch(resources::containsKey)) ready.add(entry.getKey());
            });
            if (ready.isEmpty()) throw new IllegalStateException("Resources with unresolvable references: " + names(pending));
            for (String logicalId : ready) {
                JsonNode resource = pending.remove(logicalId);
                if (resource.has("Condition")) throw new IllegalStateException(logicalId + " has a condition, which the rehearsal does not evaluate");
                resources.put(logicalId, create(logicalId, resource.path("Type").asText(), evaluate(resource.path("Properties"))));
            }
        }
    }

    private Deployed create(String logicalId, String type, JsonNode properties) {
        String region = LocalTarget.REGION;
        String account = LocalTarget.ACCOUNT_ID;
        switch (type) {
            case "AWS::SQS::Queue" -> {
                boolean fifo = properties.path("FifoQueue").asBoolean();
                String name = physicalName(logicalId, fifo ? 75 : 80) + (fifo ? ".fifo" : "");
                Map<String, String> attributes = new LinkedHashMap<>();
                if (fifo) attributes.put("FifoQueue", "true");
                if (properties.path("ContentBasedDeduplication").asBoolean()) attributes.put("ContentBasedDeduplication", "true");
                if (properties.has("VisibilityTimeout")) attributes.put("VisibilityTimeout", properties.path("VisibilityTimeout").asText());
                if (properties.has("MessageRetentionPeriod")) attributes.put("MessageRetentionPeriod", properties.path("MessageRetentionPeriod").asText());
                String url = clients.sqs().createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
                return new Deployed(url, type, Map.of("Arn", "arn:aws:sqs:" + region + ":" + account + ":" + name, "QueueName", name, "QueueUrl", url));
            }
            case "AWS::DynamoDB::Table" -> {
                String name = physicalName(logicalId, 255);
                List<KeySchemaElement> keys = new ArrayList<>();
                properties.path("KeySchema").forEach(key -> keys.add(KeySchemaElement.builder().attributeName(key.path("AttributeName").asText())
                        .keyType(key.path("KeyType").asText()).build()));
                List<AttributeDefinition> definitions = new ArrayList<>();
                properties.path("AttributeDefinitions").forEach(definition -> definitions.add(AttributeDefinition.builder()
                        .attributeName(definition.path("AttributeName").asText()).attributeType(definition.path("AttributeType").asText()).build()));
                String arn = clients.dynamoDb().createTable(r -> r.tableName(name).keySchema(keys).attributeDefinitions(definitions)
                        .billingMode(properties.path("BillingMode").asText("PAY_PER_REQUEST"))).tableDescription().tableArn();
                JsonNode ttl = properties.path("TimeToLiveSpecification");
                if (ttl.path("Enabled").asBoolean()) {
                    clients.dynamoDb().updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t.enabled(true)
                            .attributeName(ttl.path("AttributeName").asText())));
                }
                return new Deployed(name, type, Map.of("Arn", arn));
            }
            case "AWS::S3::Bucket" -> {
                String name = physicalName(logicalId, 63).toLowerCase(Locale.ROOT);
                clients.s3().createBucket(r -> r.bucket(name));
                return new Deployed(name, type, Map.of("Arn", "arn:aws:s3:::" + name));
            }
            case "AWS::Lambda::Function" -> {
                String name = physicalName(logicalId, 64);
                Map<String, String> environment = new LinkedHashMap<>();
                properties.path("Environment").path("Variables").properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
                environment.put(HarnessEnvironment.lambdaName(HarnessEnvironment.ENDPOINT_URL), cloud.endpoint().toString());
                String arn = clients.lambda().createFunction(r -> r.functionName(name).runtime(properties.path("Runtime").asText())
                        .handler(properties.path("Handler").asText()).role(properties.path("Role").asText())
                        .timeout(properties.path("Timeout").asInt(3)).memorySize(properties.path("MemorySize").asInt(128))
                        .environment(e -> e.variables(environment)).code(c -> c.zipFile(SdkBytes.fromUtf8String("relay"))))
                        .functionArn();
                return new Deployed(name, type, Map.of("Arn", arn));
            }
            case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" -> {
                String name = properties.has("StateMachineName") ? properties.path("StateMachineName").asText() : physicalName(logicalId, 80);
                String definition = definition(properties);
                String machineType = properties.path(type.startsWith("AWS::Serverless") ? "Type" : "StateMachineType").asText("STANDARD");
                String arn = clients.sfn().createStateMachine(r -> r.name(name).type(machineType).definition(definition)
                        .roleArn("arn:aws:iam::" + account + ":role/" + logicalId + "Role")).stateMachineArn();
                return new Deployed(arn, "AWS::StepFunctions::StateMachine", Map.of("Arn", arn, "Name", name));
            }
            case "AWS::ECS::Cluster" -> {
                String name = physicalName(logicalId, 255);
                String arn = clients.ecs().createCluster(r -> r.clusterName(name)).cluster().clusterArn();
                return new Deployed(name, type, Map.of("Arn", arn));
            }
            case "AWS::ECS::TaskDefinition" -> {
                String family = properties.has("Family") ? properties.path("Family").asText() : physicalName(logicalId, 255);
                List<ContainerDefinition> containers = new ArrayList<>();
                properties.path("ContainerDefinitions").forEach(container -> {
                    List<KeyValuePair> environment = new ArrayList<>();
                    container.path("Environment").forEach(variable -> environment.add(KeyValuePair.builder()
                            .name(variable.path("Name").asText()).value(variable.path("Value").asText()).build()));
                    List<String> command = new ArrayList<>();
                    container.path("Command").forEach(argument -> command.add(argument.asText()));
                    containers.add(ContainerDefinition.builder().name(container.path("Name").asText()).image(container.path("Image").asText())
                            .essential(container.path("Essential").asBoolean(true)).environment(environment).command(command).build());
                });
                List<String> compatibilities = new ArrayList<>();
                properties.path("RequiresCompatibilities").forEach(compatibility -> compatibilities.add(compatibility.asText()));
                String arn = clients.ecs().registerTaskDefinition(r -> r.family(family).containerDefinitions(containers)
                        .cpu(properties.path("Cpu").asText()).memory(properties.path("Memory").asText())
                        .networkMode(properties.path("NetworkMode").asText()).requiresCompatibilitiesWithStrings(compatibilities)
                        .executionRoleArn(properties.path("ExecutionRoleArn").asText()).taskRoleArn(properties.path("TaskRoleArn").asText()))
                        .taskDefinition().taskDefinitionArn();
                return new Deployed(arn, type, Map.of("TaskDefinitionArn", arn));
            }
            default -> {
                if (!IGNORED_TYPES.contains(type)) throw new IllegalStateException(logicalId + ": the rehearsal cannot create a " + type);
                String name = physicalName(logicalId, 64);
                String arn = type.equals("AWS::IAM::Role") ? "arn:aws:iam::" + account + ":role/" + name
                        : "arn:aws:logs:" + region + ":" + account + ":log-group:" + name + ":*";
                return new Deployed(name, type, Map.of("Arn", arn));
            }
        }
    }

    /** A state machine's definition text with its substitutions made, from Definition, DefinitionString or (SAM) DefinitionUri. */
    private String definition(JsonNode properties) {
        String text;
        try {
            if (properties.has("DefinitionString")) {
                text = properties.path("DefinitionString").asText();
            } else if (properties.has("Definition")) {
                text = JSON.writeValueAsString(properties.path("Definition"));
            } else {
                text = JSON.writeValueAsString(Templates.readTemplate(templateDirectory.resolve(properties.path("DefinitionUri").asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, JsonNode> substitution : properties.path("DefinitionSubstitutions").properties()) {
            text = text.replace("${" + substitution.getKey() + "}", substitution.getValue().asText());
        }
        return text;
    }

    /** A name as CloudFormation generates it: stack name, logical id and a random suffix, within {@code limit}. */
    private String physicalName(String logicalId, int limit) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        String name = stackName + "-" + logicalId;
        int room = limit - suffix.length() - 1;
        return (name.length() > room ? name.substring(0, room) : name) + "-" + suffix;
    }

    private JsonNode evaluate(JsonNode node) {
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> result.add(evaluate(element)));
            return result;
        }
        if (!node.isObject()) return node;
        if (node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::GetAtt": {
                    List<String> parts = argument.isArray() ? List.of(argument.get(0).asText(), argument.get(1).asText())
                            : List.of(argument.asText().split("\\.", 2));
                    return TextNode.valueOf(attribute(parts.get(0), parts.get(1)));
                }
                case "Fn::Sub":
                    return TextNode.valueOf(sub(argument));
                case "Fn::Join": {
                    List<String> values = new ArrayList<>();
                    evaluate(argument.get(1)).forEach(value -> values.add(value.asText()));
                    return TextNode.valueOf(String.join(argument.get(0).asText(), values));
                }
                case "Fn::Select":
                    return evaluate(argument.get(1)).get(evaluate(argument.get(0)).asInt());
                case "Fn::Split": {
                    ArrayNode result = JsonNodeFactory.instance.arrayNode();
                    for (String part : evaluate(argument.get(1)).asText().split(Pattern.quote(argument.get(0).asText()), -1)) result.add(part);
                    return result;
                }
                default:
                    if (function.startsWith("Fn::")) throw new IllegalStateException("The rehearsal does not evaluate " + function);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(entry -> result.set(entry.getKey(), evaluate(entry.getValue())));
        return result;
    }

    private JsonNode ref(String name) {
        switch (name) {
            case "AWS::Region": return TextNode.valueOf(LocalTarget.REGION);
            case "AWS::AccountId": return TextNode.valueOf(LocalTarget.ACCOUNT_ID);
            case "AWS::Partition": return TextNode.valueOf("aws");
            case "AWS::URLSuffix": return TextNode.valueOf("amazonaws.com");
            case "AWS::StackName": return TextNode.valueOf(stackName);
            default: break;
        }
        Deployed deployed = resources.get(name);
        if (deployed != null) return TextNode.valueOf(deployed.physicalId());
        JsonNode parameter = rendered.path("Parameters").path(name);
        if (parameter.isMissingNode()) throw new IllegalStateException("Ref to '" + name + "', which is neither a resource nor a parameter");
        String value = parameter.path("Default").asText();
        if (!parameter.path("Type").asText().equals("CommaDelimitedList")) return TextNode.valueOf(value);
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String element : value.split(",", -1)) list.add(element.strip());
        return list;
    }

    private String attribute(String logicalId, String attribute) {
        Deployed deployed = resources.get(logicalId);
        if (deployed == null || !deployed.attributes().containsKey(attribute)) {
            throw new IllegalStateException("Fn::GetAtt " + logicalId + "." + attribute + ": no such resource or attribute");
        }
        return deployed.attributes().get(attribute);
    }

    private String sub(JsonNode argument) {
        String text = argument.isArray() ? argument.get(0).asText() : argument.asText();
        Map<String, String> variables = new HashMap<>();
        if (argument.isArray()) argument.get(1).properties().forEach(entry -> variables.put(entry.getKey(), evaluate(entry.getValue()).asText()));
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value = variables.containsKey(variable) ? variables.get(variable)
                    : variable.contains(".") ? attribute(variable.substring(0, variable.indexOf('.')), variable.substring(variable.indexOf('.') + 1))
                    : ref(variable).asText();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The resources a resource's properties refer to (Ref, Fn::GetAtt, Fn::Sub variables) and those it depends on. */
    private Set<String> dependencies(JsonNode resource) {
        Set<String> names = new java.util.TreeSet<>();
        JsonNode dependsOn = resource.path("DependsOn");
        if (dependsOn.isTextual()) names.add(dependsOn.asText());
        dependsOn.forEach(name -> names.add(name.asText()));
        collect(resource.path("Properties"), names);
        names.removeIf(name -> !rendered.path("Resources").has(name));
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.has("Ref")) names.add(node.get("Ref").asText());
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null) names.add(getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
            JsonNode sub = node.get("Fn::Sub");
            if (sub != null) {
                Matcher matcher = SUB_VARIABLE.matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
                while (matcher.find()) names.add(matcher.group(1).split("\\.")[0]);
            }
            node.forEach(child -> collect(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

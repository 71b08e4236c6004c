package dev.awstestharness.localcloud.internal.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.DefinitionProblem;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionRequest;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.asl.HistoryEvent;
import dev.awstestharness.asl.Interpreter;
import dev.awstestharness.asl.InvalidDefinitionException;
import dev.awstestharness.asl.StateMachineDefinition;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.TaskTokenException;
import dev.awstestharness.asl.integrations.StartExecutionIntegration;
import dev.awstestharness.localcloud.internal.http.AwsJsonService;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Step Functions API over the in-process interpreter: state machines, executions (with bounded retention),
 * their histories and task-token callbacks. Nested executions started by {@code states:startExecution} tasks go
 * through the same store, so they can be described and listed like any other.
 */
public final class StepFunctionsService implements AwsJsonService, AutoCloseable {
    public static final String TARGET_PREFIX = "AWSStepFunctions";

    private static final int MAX_DEFINITION_LENGTH = 1_048_576;
    private static final int MAX_PAYLOAD_LENGTH = 262_144;

    private final StepFunctionsConfig config;
    private final Interpreter interpreter;
    private final Arns arns;
    private final StateMachineStore machines = new StateMachineStore();
    private final ExecutionStore executions;
    private final ScheduledExecutorService sweeper;
    private final Map<String, Function<Params, CompletableFuture<ObjectNode>>> operations = new TreeMap<>();

    public StepFunctionsService(StepFunctionsConfig config) {
        this.config = config;
        this.arns = new Arns(config.region(), config.accountId());
        this.executions = new ExecutionStore(config.maxFinishedExecutions(), config.maxFinishedAge(), System::nanoTime);
        this.interpreter = Interpreter.builder()
                .waitScale(config.waitScale())
                .region(config.region())
                .integration(StartExecutionIntegration.RESOURCE, new StartExecutionIntegration(this::launchNested))
                .childExecutions(this::registerMapRunChild)
                .build();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-sfn-retention");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, Math.min(30_000, config.maxFinishedAge().toMillis() / 10));
        sweeper.scheduleWithFixedDelay(executions::evict, period, period, TimeUnit.MILLISECONDS);

        sync("CreateStateMachine", this::createStateMachine);
        sync("DescribeStateMachine", this::describeStateMachine);
        sync("UpdateStateMachine", this::updateStateMachine);
        sync("DeleteStateMachine", this::deleteStateMachine);
        sync("ListStateMachines", this::listStateMachines);
        sync("ValidateStateMachineDefinition", this::validateStateMachineDefinition);
        sync("StartExecution", this::startExecution);
        operations.put("StartSyncExecution", this::startSyncExecution);
        sync("DescribeExecution", this::describeExecution);
        sync("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
        sync("StopExecution", this::stopExecution);
        sync("ListExecutions", this::listExecutions);
        sync("GetExecutionHistory", this::getExecutionHistory);
        sync("SendTaskSuccess", this::sendTaskSuccess);
        sync("SendTaskFailure", this::sendTaskFailure);
        sync("SendTaskHeartbeat", this::sendTaskHeartbeat);
    }

    private void sync(String operation, Function<Params, ObjectNode> handler) {
        operations.put(operation, params -> CompletableFuture.completedFuture(handler.apply(params)));
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public CompletableFuture<ObjectNode> invoke(String operation, ObjectNode input) {
        Function<Params, CompletableFuture<ObjectNode>> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The local Step Functions service does not support the operation '"
                    + operation + "'; it supports " + String.join(", ", operations.keySet()));
        }
        return handler.apply(new Params(input));
    }

    /** The interpreter behind the service; other services register their task integrations on it. */
    public Interpreter interpreter() {
        return interpreter;
    }

    /**
     * An execution the store still keeps, for in-process callers that want to await it
     * ({@code execution(arn).orElseThrow().completion()}).
     */
    public Optional<Execution> execution(String executionArn) {
        ExecutionRecord record = executions.get(executionArn);
        return record == null ? Optional.empty() : Optional.of(record.execution());
    }

    public StepFunctionsConfig config() {
        return config;
    }

    /** Executions kept, running or finished. */
    public int executionCount() {
        return executions.size();
    }

    /** Finished executions kept; at most {@link StepFunctionsConfig#maxFinishedExecutions()}. */
    public int finishedExecutionCount() {
        return executions.finishedCount();
    }

    /** State machines that still have executions kept (existing or deleted ones). */
    public int stateMachinesWithExecutions() {
        return executions.indexedStateMachines();
    }

    public int stateMachineCount() {
        return machines.size();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        interpreter.close();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // State machines

    private ObjectNode createStateMachine(Params params) {
        String name = Params.checkName("name", params.required("name"));
        String definitionText = params.required("definition", MAX_DEFINITION_LENGTH);
        String roleArn = checkRoleArn(params.required("roleArn", 256));
        StateMachineType type = params.enumValue("type", StateMachineType.class, StateMachineType.STANDARD);
        StateMachineDefinition definition = parseDefinition(definitionText);
        String arn = arns.stateMachine(name);
        Instant now = now();
        StateMachineRecord record = machines.createIfAbsent(arn,
                sequence -> new StateMachineRecord(arn, name, type, definitionText, definition, roleArn, now, sequence, null, null));
        if (record.definition() != definition && !record.sameSettings(definitionText, roleArn, type)) {
            throw SfnErrors.stateMachineAlreadyExists(arn);
        }
        ObjectNode response = LocalJson.object();
        response.put("stateMachineArn", record.arn());
        response.put("creationDate", LocalJson.epochSeconds(record.creationDate()));
        return response;
    }

    private ObjectNode describeStateMachine(Params params) {
        StateMachineRecord machine = existingMachine(params.required("stateMachineArn", 2048));
        ObjectNode response = LocalJson.object();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definitionText());
        response.put("roleArn", machine.roleArn());
        response.put("type", machine.type().name());
        response.put("creationDate", LocalJson.epochSeconds(machine.creationDate()));
        addConfigurations(response);
        if (machine.revisionId() != null) response.put("revisionId", machine.revisionId());
        return response;
    }

    private ObjectNode updateStateMachine(Params params) {
        String arn = Arns.checkStateMachineArn(params.required("stateMachineArn", 2048));
        String definitionText = params.optional("definition", MAX_DEFINITION_LENGTH);
        String roleArn = params.optional("roleArn", 256);
        if (roleArn != null) checkRoleArn(roleArn);
        if (definitionText == null && roleArn == null && !params.present("loggingConfiguration") && !params.present("tracingConfiguration")) {
            throw new AwsServiceException("MissingRequiredParameter",
                    "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        StateMachineDefinition definition = definitionText == null ? null : parseDefinition(definitionText);
        Instant now = now();
        String revisionId = UUID.randomUUID().toString();
        StateMachineRecord updated = machines.update(arn, existing -> existing.updated(
                definitionText != null ? definitionText : existing.definitionText(),
                definition != null ? definition : existing.definition(),
                roleArn != null ? roleArn : existing.roleArn(),
                now, revisionId));
        if (updated == null) throw SfnErrors.stateMachineDoesNotExist(arn);
        ObjectNode response = LocalJson.object();
        response.put("updateDate", LocalJson.epochSeconds(now));
        response.put("revisionId", revisionId);
        return response;
    }

    private ObjectNode deleteStateMachine(Params params) {
        machines.delete(Arns.checkStateMachineArn(params.required("stateMachineArn", 2048)));
        return LocalJson.object();
    }

    private ObjectNode listStateMachines(Params params) {
        int max = params.maxResults(100);
        long from = PageToken.decode(params.optional("nextToken"), "stateMachines", 0);
        List<StateMachineRecord> page = machines.page(from, max + 1);
        ObjectNode response = LocalJson.object();
        ArrayNode list = response.putArray("stateMachines");
        for (StateMachineRecord machine : page.subList(0, Math.min(max, page.size()))) {
            ObjectNode item = list.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", machine.type().name());
            item.put("creationDate", LocalJson.epochSeconds(machine.creationDate()));
        }
        if (page.size() > max) response.put("nextToken", PageToken.encode("stateMachines", page.get(max).sequence()));
        return response;
    }

    private ObjectNode validateStateMachineDefinition(Params params) {
        String definitionText = params.required("definition", MAX_DEFINITION_LENGTH);
        params.enumValue("type", StateMachineType.class, StateMachineType.STANDARD);
        int max = params.maxResults(100);
        List<DefinitionProblem> problems = List.of();
        try {
            StateMachineDefinition.parse(definitionText);
        } catch (InvalidDefinitionException e) {
            problems = e.problems();
        }
        ObjectNode response = LocalJson.object();
        response.put("result", problems.isEmpty() ? "OK" : "FAIL");
        ArrayNode diagnostics = response.putArray("diagnostics");
        for (DefinitionProblem problem : problems.subList(0, Math.min(max, problems.size()))) {
            ObjectNode diagnostic = diagnostics.addObject();
            diagnostic.put("severity", "ERROR");
            diagnostic.put("code", problem.code());
            diagnostic.put("message", problem.message());
            if (problem.location() != null) diagnostic.put("location", problem.location());
        }
        response.put("truncated", problems.size() > max);
        return response;
    }

    private StateMachineRecord existingMachine(String arn) {
        StateMachineRecord machine = machines.get(Arns.checkStateMachineArn(arn));
        if (machine == null) throw SfnErrors.stateMachineDoesNotExist(arn);
        return machine;
    }

    private static StateMachineDefinition parseDefinition(String text) {
        try {
            return StateMachineDefinition.parse(text);
        } catch (InvalidDefinitionException e) {
            throw new AwsServiceException("InvalidDefinition", e.getMessage());
        }
    }

    private static String checkRoleArn(String roleArn) {
        if (!roleArn.startsWith("arn:")) throw SfnErrors.invalidArn("Invalid ARN prefix: " + roleArn);
        String[] parts = roleArn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + roleArn + " (a role ARN like arn:aws:iam::123456789012:role/NAME is needed)");
        }
        return roleArn;
    }

    private static void addConfigurations(ObjectNode response) {
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Executions

    private ObjectNode startExecution(Params params) {
        String machineArn = params.required("stateMachineArn", 2048);
        String name = params.optional("name");
        String input = params.optional("input", MAX_PAYLOAD_LENGTH);
        ExecutionRecord record = start(machineArn, name, input, null);
        ObjectNode response = LocalJson.object();
        response.put("executionArn", record.arn());
        response.put("startDate", LocalJson.epochSeconds(record.execution().startDate()));
        return response;
    }

    private CompletableFuture<ObjectNode> startSyncExecution(Params params) {
        String machineArn = params.required("stateMachineArn", 2048);
        String name = params.optional("name");
        String input = params.optional("input", MAX_PAYLOAD_LENGTH);
        StateMachineRecord machine = existingMachine(machineArn);
        if (machine.type() != StateMachineType.EXPRESS) {
            throw new AwsServiceException("StateMachineTypeNotSupported",
                    "StartSyncExecution supports EXPRESS state machines only, but '" + machineArn + "' is a " + machine.type() + " state machine");
        }
        ExecutionRecord record = start(machineArn, name, input, null);
        Duration limit = config.syncExecutionTimeout();
        long millis = limit.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toMillis() : Math.max(1, limit.toMillis());
        return record.execution().completion().copy().orTimeout(millis, TimeUnit.MILLISECONDS).handle((finished, failure) -> {
            if (failure == null) return syncResponse(record, null);
            String cause = "The execution ran longer than the " + limit.toSeconds() + " seconds StartSyncExecution waits for an EXPRESS execution";
            record.execution().stop("States.Timeout", cause);
            return syncResponse(record, cause);
        });
    }

    private ObjectNode syncResponse(ExecutionRecord record, String timeoutCause) {
        Execution execution = record.execution();
        ObjectNode response = LocalJson.object();
        response.put("executionArn", record.arn());
        response.put("stateMachineArn", record.stateMachineArn());
        response.put("name", execution.request().executionName());
        response.put("startDate", LocalJson.epochSeconds(execution.startDate()));
        Instant stop = execution.stopDate() != null ? execution.stopDate() : now();
        response.put("stopDate", LocalJson.epochSeconds(stop));
        ExecutionStatus status = execution.status();
        if (timeoutCause != null) {
            response.put("status", "TIMED_OUT");
            response.put("error", "States.Timeout");
            response.put("cause", timeoutCause);
        } else if (status == ExecutionStatus.SUCCEEDED) {
            response.put("status", "SUCCEEDED");
            response.put("output", LocalJson.write(execution.output()));
            response.putObject("outputDetails").put("included", true);
        } else {
            // An aborted execution (StopExecution while the caller waited) has no status of its own here.
            response.put("status", status == ExecutionStatus.TIMED_OUT ? "TIMED_OUT" : "FAILED");
            if (execution.error() != null) response.put("error", execution.error());
            if (execution.cause() != null) response.put("cause", execution.cause());
        }
        response.put("input", record.inputText());
        response.putObject("inputDetails").put("included", true);
        ObjectNode billing = response.putObject("billingDetails");
        billing.put("billedMemoryUsedInMB", 64);
        billing.put("billedDurationInMilliseconds", Math.max(100, Duration.between(execution.startDate(), stop).toMillis()));
        return response;
    }

    /**
     * Starts an execution of a known state machine.
     *
     * @param inputText the input as given ({@code null} = {@code {}}), validated unless {@code parsedInput} is given
     */
    private ExecutionRecord start(String machineArn, String name, String inputText, JsonNode parsedInput) {
        StateMachineRecord machine = existingMachine(machineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : Params.checkName("name", name);
        String text = inputText == null ? "{}" : inputText;
        JsonNode input = parsedInput != null ? parsedInput : parseInput(text);
        String arn = arns.execution(machine, executionName);
        ExecutionRequest request = new ExecutionRequest(arn, executionName, machine.arn(), machine.name(), machine.roleArn(), input);
        return executions.start(arn,
                sequence -> new ExecutionRecord(sequence, machine, interpreter.start(machine.definition(), request), text),
                existing -> {
                    // AWS: repeating StartExecution of a running STANDARD execution with the same input is idempotent.
                    if (existing.machine().type() == StateMachineType.STANDARD && existing.execution().status() == ExecutionStatus.RUNNING
                            && existing.inputText().equals(text)) {
                        return existing;
                    }
                    throw SfnErrors.executionAlreadyExists(arn);
                });
    }

    private static JsonNode parseInput(String text) {
        try {
            return LocalJson.parse(text);
        } catch (JsonProcessingException e) {
            throw SfnErrors.invalidExecutionInput(LocalJson.describe(e));
        }
    }

    /**
     * Keeps a child execution of a distributed Map so that it can be described and listed (under its Map Run) like any
     * other; it is dropped with the finished executions.
     */
    private void registerMapRunChild(Execution child) {
        String childMachineArn = child.request().stateMachineArn();
        int label = childMachineArn.lastIndexOf('/');
        StateMachineRecord machine = machines.get(label < 0 ? childMachineArn : childMachineArn.substring(0, label));
        if (machine == null) return;
        executions.start(child.executionArn(),
                sequence -> new ExecutionRecord(sequence, machine, child, LocalJson.write(child.request().input())), existing -> existing);
    }

    /** The launcher of {@code states:startExecution} tasks: API errors become the task's error, as on AWS. */
    private Execution launchNested(String stateMachineArn, String name, JsonNode input) {
        try {
            return start(stateMachineArn, name, LocalJson.write(input), input).execution();
        } catch (AwsServiceException e) {
            String exception = e.type().endsWith("Exception") ? e.type() : e.type() + "Exception";
            throw new StatesError("StepFunctions." + exception, e.getMessage() + " (Service: AWSStepFunctions; Status Code: " + e.status()
                    + "; Error Code: " + e.type() + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)");
        }
    }

    private ExecutionRecord existingExecution(String arn) {
        ExecutionRecord record = executions.get(Arns.checkExecutionArn(arn));
        if (record == null) throw SfnErrors.executionDoesNotExist(arn);
        return record;
    }

    private ObjectNode describeExecution(Params params) {
        ExecutionRecord record = existingExecution(params.required("executionArn", 2048));
        Execution execution = record.execution();
        ExecutionStatus status = execution.status();
        ObjectNode response = LocalJson.object();
        response.put("executionArn", record.arn());
        response.put("stateMachineArn", record.stateMachineArn());
        response.put("name", execution.request().executionName());
        response.put("status", status.name());
        response.put("startDate", LocalJson.epochSeconds(execution.startDate()));
        if (status.isFinal() && execution.stopDate() != null) response.put("stopDate", LocalJson.epochSeconds(execution.stopDate()));
        response.put("input", record.inputText());
        response.putObject("inputDetails").put("included", true);
        if (status == ExecutionStatus.SUCCEEDED) {
            response.put("output", LocalJson.write(execution.output()));
            response.putObject("outputDetails").put("included", true);
        } else if (status.isFinal()) {
            if (execution.error() != null) response.put("error", execution.error());
            if (execution.cause() != null) response.put("cause", execution.cause());
        }
        response.put("redriveCount", 0);
        response.put("redriveStatus", "NOT_REDRIVABLE");
        response.put("redriveStatusReason", "Redrive is not supported by the local cloud");
        return response;
    }

    private ObjectNode describeStateMachineForExecution(Params params) {
        StateMachineRecord machine = existingExecution(params.required("executionArn", 2048)).machine();
        ObjectNode response = LocalJson.object();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("definition", machine.definitionText());
        response.put("roleArn", machine.roleArn());
        response.put("updateDate", LocalJson.epochSeconds(machine.updateDate() != null ? machine.updateDate() : machine.creationDate()));
        addConfigurations(response);
        if (machine.revisionId() != null) response.put("revisionId", machine.revisionId());
        return response;
    }

    private ObjectNode stopExecution(Params params) {
        ExecutionRecord record = existingExecution(params.required("executionArn", 2048));
        String error = params.optional("error", 256);
        String cause = params.optional("cause", 32_768);
        record.execution().stop(error, cause);
        Instant stopDate = record.execution().stopDate();
        ObjectNode response = LocalJson.object();
        response.put("stopDate", LocalJson.epochSeconds(stopDate != null ? stopDate : now()));
        return response;
    }

    private ObjectNode listExecutions(Params params) {
        String machineArn = params.optional("stateMachineArn", 2048);
        String mapRunArn = params.optional("mapRunArn", 2048);
        if (machineArn == null && mapRunArn == null) throw SfnErrors.validation("Must provide a StateMachine ARN or MapRun ARN");
        if (machineArn == null) {
            machineArn = Arns.mapRunStateMachine(mapRunArn);
        } else {
            existingMachine(machineArn);
        }
        String statusFilter = params.optional("statusFilter");
        if (statusFilter != null && !statusFilter.equals("PENDING_REDRIVE")) params.enumValue("statusFilter", ExecutionStatus.class, null);
        int max = params.maxResults(100);
        String list = "executions\n" + machineArn + "\n" + statusFilter;
        long from = PageToken.decode(params.optional("nextToken"), list, Long.MAX_VALUE);
        executions.evict();
        NavigableMap<Long, ExecutionRecord> newestFirst = executions.newestFirst(machineArn).tailMap(from, true);
        ObjectNode response = LocalJson.object();
        ArrayNode items = response.putArray("executions");
        int count = 0;
        for (ExecutionRecord record : newestFirst.values()) {
            Execution execution = record.execution();
            ExecutionStatus status = execution.status();
            if (statusFilter != null && !status.name().equals(statusFilter)) continue;
            if (count == max) {
                response.put("nextToken", PageToken.encode(list, record.sequence()));
                break;
            }
            count++;
            ObjectNode item = items.addObject();
            item.put("executionArn", record.arn());
            item.put("stateMachineArn", record.stateMachineArn());
            item.put("name", execution.request().executionName());
            item.put("status", status.name());
            item.put("startDate", LocalJson.epochSeconds(execution.startDate()));
            if (status.isFinal() && execution.stopDate() != null) item.put("stopDate", LocalJson.epochSeconds(execution.stopDate()));
            item.put("redriveCount", 0);
        }
        return response;
    }

    private ObjectNode getExecutionHistory(Params params) {
        String arn = params.required("executionArn", 2048);
        ExecutionRecord record = existingExecution(arn);
        int max = params.maxResults(100);
        boolean reverse = params.flag("reverseOrder", false);
        boolean includeData = params.flag("includeExecutionData", true);
        String list = "history\n" + arn + "\n" + reverse;
        long from = PageToken.decode(params.optional("nextToken"), list, 0);
        List<HistoryEvent> history = record.execution().history();
        ObjectNode response = LocalJson.object();
        ArrayNode events = response.putArray("events");
        int size = history.size();
        long position = from;
        while (position < size && events.size() < max) {
            int index = (int) (reverse ? size - 1 - position : position);
            ObjectNode event = history.get(index).toJson();
            if (!includeData) stripExecutionData(event);
            events.add(event);
            position++;
        }
        if (position < size) response.put("nextToken", PageToken.encode(list, position));
        return response;
    }

    private static void stripExecutionData(ObjectNode event) {
        event.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode details && field.getKey().endsWith("EventDetails")) {
                details.remove(List.of("input", "output", "inputDetails", "outputDetails"));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Task tokens

    private ObjectNode sendTaskSuccess(Params params) {
        String token = params.required("taskToken", 2048);
        String outputText = params.required("output", MAX_PAYLOAD_LENGTH);
        JsonNode output;
        try {
            output = LocalJson.parse(outputText);
        } catch (JsonProcessingException e) {
            throw SfnErrors.invalidOutput(LocalJson.describe(e));
        }
        return withToken(() -> interpreter.sendTaskSuccess(token, output));
    }

    private ObjectNode sendTaskFailure(Params params) {
        String token = params.required("taskToken", 2048);
        String error = params.optional("error", 256);
        String cause = params.optional("cause", 32_768);
        return withToken(() -> interpreter.sendTaskFailure(token, error, cause));
    }

    private ObjectNode sendTaskHeartbeat(Params params) {
        String token = params.required("taskToken", 2048);
        return withToken(() -> interpreter.sendTaskHeartbeat(token));
    }

    private static ObjectNode withToken(Runnable call) {
        try {
            call.run();
        } catch (TaskTokenException e) {
            String type = switch (e.reason()) {
                case INVALID_TOKEN -> "InvalidToken";
                case TASK_DOES_NOT_EXIST -> "TaskDoesNotExist";
                case TASK_TIMED_OUT -> "TaskTimedOut";
            };
            throw new AwsServiceException(type, e.getMessage());
        }
        return LocalJson.object();
    }

    private Instant now() {
        return interpreter.clock().now();
    }
}

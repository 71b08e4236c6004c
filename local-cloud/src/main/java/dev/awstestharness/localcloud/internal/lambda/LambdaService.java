package dev.awstestharness.localcloud.internal.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The local Lambda service: functions whose code is a Java handler class on the local cloud's classpath, invoked
 * in-process on their own threads with Lambda's payload, error and timeout behaviour. The HTTP front is
 * {@link LambdaRoute}; the Step Functions integrations call {@link #invoke} directly. Thread-safe.
 */
public final class LambdaService implements AutoCloseable {
    static final int MAX_SYNC_PAYLOAD = 6_291_456;
    static final int MAX_RESPONSE_PAYLOAD = 6_291_556;
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    /** The names Lambda's API accepts for environment variables. */
    private static final java.util.regex.Pattern VARIABLE_NAME = java.util.regex.Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Set<String> RESERVED_VARIABLES = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION",
            "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final System.Logger LOG = System.getLogger(LambdaService.class.getName());

    private final String region;
    private final String accountId;
    private final ClassLoader classLoader;
    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;

    /** @param classLoader where handler classes are found: the classpath of the JVM running the local cloud */
    public LambdaService(String region, String accountId, ClassLoader classLoader) {
        this.region = region;
        this.accountId = accountId;
        this.classLoader = classLoader;
        AtomicInteger count = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-lambda-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-lambda-timeouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    public String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    ObjectNode createFunction(JsonNode input) {
        FunctionName parsed = FunctionName.parse(text(input, "FunctionName"));
        if (parsed.qualifier() != null || parsed.name().length() > 64) {
            throw LambdaErrors.validation("Value '" + text(input, "FunctionName") + "' at 'functionName' failed to satisfy constraint: Member must "
                    + "have length less than or equal to 64 and name no version or alias");
        }
        checkOwnRegionAndAccount(parsed, text(input, "FunctionName"));
        if ("Image".equals(text(input, "PackageType"))) {
            throw LambdaErrors.invalidParameter("The local cloud runs Java handler classes only; PackageType Image is not supported");
        }
        String runtime = text(input, "Runtime");
        String handlerName = text(input, "Handler");
        if (runtime == null || handlerName == null) {
            throw LambdaErrors.invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (!runtime.startsWith("java")) {
            throw LambdaErrors.invalidParameter("The local cloud runs Java handlers only, but the runtime of function '" + parsed.name() + "' is '"
                    + runtime + "'; use java17 or java21");
        }
        String role = text(input, "Role");
        if (role == null) throw LambdaErrors.validation("Value null at 'role' failed to satisfy constraint: Member must not be null");
        if (!ROLE.matcher(role).matches()) {
            throw LambdaErrors.validation("Value '" + role + "' at 'role' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: " + ROLE.pattern());
        }
        int timeout = bounded(input, "Timeout", "timeout", 3, 1, 900);
        int memorySize = bounded(input, "MemorySize", "memorySize", 128, 128, 10_240);
        Map<String, String> environment = environment(input.path("Environment").path("Variables"));
        JavaHandler handler = JavaHandler.resolve(handlerName, classLoader);
        byte[] code = code(input.path("Code"));
        String name = parsed.name();
        String revisionId = UUID.randomUUID().toString();
        Map<String, String> runtimeEnvironment = new TreeMap<>(environment);
        runtimeEnvironment.putAll(Map.of("AWS_REGION", region, "AWS_DEFAULT_REGION", region, "AWS_LAMBDA_FUNCTION_NAME", name,
                "AWS_LAMBDA_FUNCTION_VERSION", LambdaFunction.LATEST, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memorySize),
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name, "AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime,
                "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand", "LAMBDA_TASK_ROOT", "/var/task", "TZ", ":UTC"));
        runtimeEnvironment.put("AWS_LAMBDA_LOG_STREAM_NAME", LambdaFunction.logStream(revisionId));
        LambdaFunction function = new LambdaFunction(name, functionArn(name), runtime, role, handler, textOr(input, "Description", ""), timeout,
                memorySize, Map.copyOf(environment), Map.copyOf(runtimeEnvironment), code.length, sha256(code),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), revisionId, new ConcurrentLinkedDeque<>());
        if (functions.putIfAbsent(name, function) != null) throw LambdaErrors.functionExists(name);
        ObjectNode configuration = configuration(function);
        JsonNode architectures = input.get("Architectures");
        if (architectures != null && architectures.isArray() && !architectures.isEmpty()) configuration.set("Architectures", architectures);
        return configuration;
    }

    ObjectNode getFunction(String functionName, String qualifier) {
        LambdaFunction function = find(functionName, qualifier);
        ObjectNode result = LocalJson.object();
        result.set("Configuration", configuration(function));
        ObjectNode code = result.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", "classpath:" + function.handler().handler());
        return result;
    }

    ObjectNode getFunctionConfiguration(String functionName, String qualifier) {
        return configuration(find(functionName, qualifier));
    }

    void deleteFunction(String functionName, String qualifier) {
        LambdaFunction function = find(functionName, qualifier);
        functions.remove(function.name(), function);
    }

    ObjectNode listFunctions(String marker, String maxItems) {
        int limit = 50;
        if (maxItems != null) {
            try {
                limit = Integer.parseInt(maxItems);
            } catch (NumberFormatException e) {
                throw LambdaErrors.invalidParameter("MaxItems must be a number but was '" + maxItems + "'");
            }
            if (limit < 1 || limit > 10_000) {
                throw LambdaErrors.validation("Value '" + limit + "' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
            }
        }
        List<LambdaFunction> sorted = new ArrayList<>(functions.values());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        ObjectNode result = LocalJson.object();
        var list = result.putArray("Functions");
        String last = null;
        for (LambdaFunction function : sorted) {
            if (marker != null && function.name().compareTo(marker) <= 0) continue;
            if (list.size() == limit) {
                result.put("NextMarker", last);
                break;
            }
            list.add(configuration(function));
            last = function.name();
        }
        return result;
    }

    /**
     * Invokes a function. Request errors (unknown function, bad payload) are thrown as {@link AwsServiceException}s;
     * the function's own failures and timeouts are results with {@code functionError} set, as Lambda returns them.
     */
    public CompletableFuture<InvocationResult> invoke(InvokeRequest request) {
        LambdaFunction function = find(request.functionName(), request.qualifier());
        String type = request.invocationType() == null ? "RequestResponse" : request.invocationType();
        if (!Set.of("RequestResponse", "Event", "DryRun").contains(type)) {
            throw LambdaErrors.validation("Value '" + type + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[Event, RequestResponse, DryRun]");
        }
        byte[] payload = request.payload() == null || request.payload().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.payload();
        if (type.equals("RequestResponse") && payload.length > MAX_SYNC_PAYLOAD) throw LambdaErrors.requestTooLarge(MAX_SYNC_PAYLOAD);
        try {
            LocalJson.MAPPER.readTree(payload);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException json ? LocalJson.describe(json) : e.getMessage();
            throw LambdaErrors.invalidRequestContent("Could not parse request body into json: Could not parse payload into json: " + reason);
        }
        LocalClientContext clientContext = LocalClientContext.parse(request.clientContext());
        String requestId = UUID.randomUUID().toString();
        if (type.equals("DryRun")) {
            return CompletableFuture.completedFuture(new InvocationResult(204, null, new byte[0], null, LambdaFunction.LATEST, requestId));
        }
        String invokedArn = function.arn() + (request.qualifier() != null ? ":" + request.qualifier() : "");
        CompletableFuture<InvocationResult> run = run(function, payload, requestId, invokedArn, clientContext, "Tail".equals(request.logType()));
        if (type.equals("Event")) {
            run.whenComplete((result, failure) -> {
                if (failure != null || result.functionError() != null) {
                    LOG.log(System.Logger.Level.DEBUG, "Asynchronous invocation " + requestId + " of " + function.name() + " failed: "
                            + (failure != null ? failure : new String(result.payload(), StandardCharsets.UTF_8)));
                }
            });
            return CompletableFuture.completedFuture(new InvocationResult(202, null, new byte[0], null, LambdaFunction.LATEST, requestId));
        }
        return run;
    }

    private CompletableFuture<InvocationResult> run(LambdaFunction function, byte[] payload, String requestId, String invokedArn,
            LocalClientContext clientContext, boolean tail) {
        CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        InvocationLog log = new InvocationLog(function.name(), requestId);
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(function.timeoutSeconds());
        LocalContext context = new LocalContext(function, requestId, invokedArn, deadline, log, clientContext);
        Future<?> running = handlers.submit(() -> {
            Object instance = null;
            byte[] output;
            String functionError = null;
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(classLoader);
            InvocationScope.enter(function.runtimeEnvironment());
            try {
                instance = function.idleInstances().poll();
                if (instance == null) instance = function.handler().newInstance(function.runtimeEnvironment());
                output = function.handler().invoke(instance, payload, context);
                if (output.length > MAX_RESPONSE_PAYLOAD) {
                    ObjectNode error = LocalJson.object();
                    error.put("errorMessage", "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_PAYLOAD + " bytes).");
                    error.put("errorType", "Function.ResponseSizeTooLarge");
                    output = LocalJson.bytes(error);
                    functionError = "Unhandled";
                }
            } catch (Throwable error) {
                if (error instanceof VirtualMachineError fatal && !(error instanceof StackOverflowError) && !(error instanceof OutOfMemoryError)) {
                    throw fatal;
                }
                output = LocalJson.bytes(FunctionError.of(error));
                functionError = "Unhandled";
                log.append(new String(output, StandardCharsets.UTF_8));
            } finally {
                InvocationScope.leave();
                Thread.currentThread().setContextClassLoader(previous);
            }
            String logResult = log.finish(System.nanoTime() - started, function.memorySize());
            if (result.complete(new InvocationResult(200, functionError, output, tail ? logResult : null, LambdaFunction.LATEST, requestId))
                    && instance != null) {
                function.idleInstances().push(instance);
            }
        });
        ScheduledFuture<?> timeout = timer.schedule(() -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            byte[] error = LocalJson.bytes(FunctionError.timeout(LOG_TIME.format(Instant.now()), requestId, Math.floor(seconds * 100) / 100));
            log.append(new String(error, StandardCharsets.UTF_8));
            String logResult = log.finish(System.nanoTime() - started, function.memorySize());
            if (result.complete(new InvocationResult(200, "Unhandled", error, tail ? logResult : null, LambdaFunction.LATEST, requestId))) {
                running.cancel(true);
            }
        }, function.timeoutSeconds(), TimeUnit.SECONDS);
        result.whenComplete((value, failure) -> timeout.cancel(false));
        return result;
    }

    private LambdaFunction find(String functionName, String qualifierParameter) {
        FunctionName parsed = FunctionName.parse(functionName).qualifiedBy(qualifierParameter);
        checkOwnRegionAndAccount(parsed, functionName);
        LambdaFunction function = functions.get(parsed.name());
        String arn = functionArn(parsed.name()) + (parsed.qualifier() != null ? ":" + parsed.qualifier() : "");
        if (function == null || (parsed.qualifier() != null && !parsed.qualifier().equals(LambdaFunction.LATEST))) {
            throw LambdaErrors.functionNotFound(arn);
        }
        return function;
    }

    private void checkOwnRegionAndAccount(FunctionName parsed, String given) {
        if (parsed.region() != null && !parsed.region().equals(region)) {
            throw LambdaErrors.invalidParameter("Functions from '" + parsed.region() + "' are not reachable in this region ('" + region + "')");
        }
        if (parsed.account() != null && !parsed.account().equals(accountId)) {
            throw LambdaErrors.functionNotFound(given + " (the local cloud's account is " + accountId + ")");
        }
    }

    private ObjectNode configuration(LambdaFunction function) {
        ObjectNode configuration = LocalJson.object();
        configuration.put("FunctionName", function.name());
        configuration.put("FunctionArn", function.arn());
        configuration.put("Runtime", function.runtime());
        configuration.put("Role", function.role());
        configuration.put("Handler", function.handler().handler());
        configuration.put("CodeSize", function.codeSize());
        configuration.put("Description", function.description());
        configuration.put("Timeout", function.timeoutSeconds());
        configuration.put("MemorySize", function.memorySize());
        configuration.put("LastModified", LAST_MODIFIED.format(function.lastModified()));
        configuration.put("CodeSha256", function.codeSha256());
        configuration.put("Version", LambdaFunction.LATEST);
        if (!function.environment().isEmpty()) {
            ObjectNode variables = configuration.putObject("Environment").putObject("Variables");
            function.environment().forEach(variables::put);
        }
        configuration.putObject("TracingConfig").put("Mode", "PassThrough");
        configuration.put("RevisionId", function.revisionId());
        configuration.put("State", "Active");
        configuration.put("LastUpdateStatus", "Successful");
        configuration.put("PackageType", "Zip");
        configuration.putArray("Architectures").add("x86_64");
        configuration.putObject("EphemeralStorage").put("Size", 512);
        ObjectNode snapStart = configuration.putObject("SnapStart");
        snapStart.put("ApplyOn", "None");
        snapStart.put("OptimizationStatus", "Off");
        ObjectNode logging = configuration.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", function.logGroup());
        return configuration;
    }

    private static Map<String, String> environment(JsonNode variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (variables.isMissingNode() || variables.isNull()) return environment;
        if (!variables.isObject()) throw LambdaErrors.invalidParameter("Environment.Variables must be an object of strings");
        variables.fields().forEachRemaining(field -> environment.put(field.getKey(), field.getValue().asText()));
        if (!environment.keySet().stream().allMatch(name -> VARIABLE_NAME.matcher(name).matches())) {
            throw LambdaErrors.validation("1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys "
                    + "must satisfy constraint: [Member must satisfy regular expression pattern: " + VARIABLE_NAME.pattern() + "]");
        }
        List<String> reserved = environment.keySet().stream().filter(RESERVED_VARIABLES::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the environment variables you "
                    + "have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this "
                    + "request: " + String.join(", ", reserved));
        }
        return environment;
    }

    private static byte[] code(JsonNode code) {
        JsonNode zip = code.get("ZipFile");
        if (zip == null || !zip.isTextual()) return new byte[0];
        try {
            return Base64.getDecoder().decode(zip.textValue());
        } catch (IllegalArgumentException e) {
            throw LambdaErrors.invalidParameter("Code.ZipFile must be base64-encoded");
        }
    }

    private static String sha256(byte[] code) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(code));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static int bounded(JsonNode input, String field, String member, int defaultValue, int min, int max) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return defaultValue;
        if (!value.canConvertToInt()) throw LambdaErrors.invalidParameter(field + " must be a whole number but was " + value);
        int number = value.intValue();
        if (number < min) {
            throw LambdaErrors.validation("Value '" + number + "' at '" + member + "' failed to satisfy constraint: Member must have value greater than "
                    + "or equal to " + min);
        }
        if (number > max) {
            throw LambdaErrors.validation("Value '" + number + "' at '" + member + "' failed to satisfy constraint: Member must have value less than or "
                    + "equal to " + max);
        }
        return number;
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String textOr(JsonNode input, String field, String defaultValue) {
        String value = text(input, field);
        return value == null ? defaultValue : value;
    }

    @Override
    public void close() {
        handlers.shutdownNow();
        timer.shutdownNow();
    }
}

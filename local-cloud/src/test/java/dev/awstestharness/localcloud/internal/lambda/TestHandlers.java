package dev.awstestharness.localcloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.awstestharness.localcloud.LocalLambdaEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Handler classes for the local Lambda tests, found on the test classpath like any local function's code. */
public final class TestHandlers {
    /** Inputs of {@link Recording} invocations, in order. */
    public static final BlockingQueue<Map<String, Object>> RECORDED = new LinkedBlockingQueue<>();
    /** Counted down when a {@link Sleeping} handler's thread is interrupted. */
    public static volatile CountDownLatch interrupted = new CountDownLatch(1);

    private TestHandlers() {}

    /** Greets and describes its context. */
    public static final class Greeting implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            context.getLogger().log("greeting " + input.get("name"));
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("greeting", "hello " + input.get("name"));
            output.put("functionName", context.getFunctionName());
            output.put("requestId", context.getAwsRequestId());
            output.put("remainingMillis", context.getRemainingTimeInMillis());
            output.put("memory", context.getMemoryLimitInMB());
            output.put("invokedArn", context.getInvokedFunctionArn());
            return output;
        }
    }

    /** Fails with a runtime exception that has a cause. */
    public static final class Failing implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            throw new IllegalStateException("boom", new IllegalArgumentException("the root cause"));
        }
    }

    /** A custom error type, as a workflow's Catch names it. */
    public static final class OrderRejected extends RuntimeException {
        public OrderRejected(String message) {
            super(message);
        }
    }

    /** Fails with {@link OrderRejected}. */
    public static final class Rejecting implements RequestHandler<Map<String, Object>, Object> {
        @Override
        public Object handleRequest(Map<String, Object> input, Context context) {
            throw new OrderRejected("order " + input.get("order") + " rejected");
        }
    }

    /** Sleeps far longer than any test's function timeout and reports being interrupted. */
    public static final class Sleeping implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "woke up";
        }
    }

    /** Reads its function's environment: through its constructor and through {@link LocalLambdaEnvironment}. */
    public static final class Environment implements RequestHandler<Object, Map<String, Object>> {
        private final Map<String, String> environment;

        public Environment(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Map<String, Object> handleRequest(Object input, Context context) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("constructor", environment.get("TABLE"));
            output.put("lookup", LocalLambdaEnvironment.get("TABLE"));
            output.put("functionName", environment.get("AWS_LAMBDA_FUNCTION_NAME"));
            output.put("region", environment.get("AWS_REGION"));
            return output;
        }
    }

    /** Records its input. */
    public static final class Recording implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            RECORDED.add(input);
            return "recorded";
        }
    }

    /** The input of {@link Pojo#total}. */
    public record Order(String id, int quantity, double price) {}

    /** A handler that is a named method on a plain class, with a typed input and output. */
    public static final class Pojo {
        public static Map<String, Object> total(Order order, Context context) {
            return Map.of("id", order.id(), "total", order.quantity() * order.price());
        }
    }

    /** Implements no handler interface: needs a method name. */
    public static final class NotAHandler {
        public String handle(String input) {
            return input;
        }
    }
}

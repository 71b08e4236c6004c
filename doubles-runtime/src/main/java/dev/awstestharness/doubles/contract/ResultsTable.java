package dev.awstestharness.doubles.contract;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB table in which the harness leaves results for Lambda and container doubles: one item per invocation,
 * <pre>{@code {"partitionKey": {"S": "<target>#<invocationId>"}, "result": {"S": <InvocationResult JSON>},
 *  "ttl": {"N": <epoch seconds, a day ahead>}}}</pre>
 * The double polls its item with a consistent GetItem.
 */
public final class ResultsTable {
    /** The partition key attribute (string). */
    public static final String KEY = "partitionKey";
    /** The attribute holding {@link InvocationResult#toJson()} (string). */
    public static final String RESULT = "result";
    /** The TTL attribute: epoch seconds after which DynamoDB may delete the item (number). */
    public static final String TTL = "ttl";
    public static final long TTL_SECONDS = 24 * 60 * 60;

    private ResultsTable() {}

    public static String key(String target, String invocationId) {
        return target + "#" + invocationId;
    }

    /** The item that answers {@code invocation} with {@code result}, expiring {@link #TTL_SECONDS} after {@code now}. */
    public static Map<String, AttributeValue> item(Invocation invocation, InvocationResult result, Instant now) {
        return item(invocation.resultKey(), result, now);
    }

    /** The item with {@code key} ({@link #key}) holding {@code result}, expiring {@link #TTL_SECONDS} after {@code now}. */
    public static Map<String, AttributeValue> item(String key, InvocationResult result, Instant now) {
        return Map.of(KEY, AttributeValue.fromS(key),
                RESULT, AttributeValue.fromS(result.toJson()),
                TTL, AttributeValue.fromN(Long.toString(now.getEpochSecond() + TTL_SECONDS)));
    }

    /** Answers a Lambda or container invocation: puts its result item. (State machine doubles are answered on their task token.) */
    public static void putResult(DynamoDbClient dynamoDb, String table, Invocation invocation, InvocationResult result) {
        dynamoDb.putItem(r -> r.tableName(table).item(item(invocation, result, Instant.now())));
    }

    /**
     * The result stored under {@code key}, read with a consistent GetItem; empty while there is none.
     *
     * @throws IllegalArgumentException when the stored result is malformed
     */
    public static Optional<InvocationResult> findResult(DynamoDbClient dynamoDb, String table, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(Map.of(KEY, AttributeValue.fromS(key)))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        AttributeValue result = item.get(RESULT);
        if (result == null || result.s() == null) {
            throw new IllegalArgumentException("The results table item '" + key + "' has no string attribute '" + RESULT + "': " + item);
        }
        return Optional.of(InvocationResult.fromJson(result.s()));
    }
}

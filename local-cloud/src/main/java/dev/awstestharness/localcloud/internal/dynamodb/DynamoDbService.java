package dev.awstestharness.localcloud.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsJsonService;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Amazon DynamoDB over the AWS JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.*}): tables (with secondary
 * indexes and time-to-live settings), items, the expression languages, queries and scans, batches, transactions. Tables are ACTIVE
 * as soon as they are created.
 */
public final class DynamoDbService implements AwsJsonService {
    public static final String TARGET_PREFIX = "DynamoDB_20120810";

    private final Map<String, Function<JsonNode, ObjectNode>> operations = new TreeMap<>();

    public DynamoDbService(String region, String accountId) {
        Tables tables = new Tables();
        TableOperations tableOperations = new TableOperations(tables, region, accountId);
        ItemOperations items = new ItemOperations(tables);
        ReadOperations reads = new ReadOperations(tables);
        TransactionOperations transactions = new TransactionOperations(tables);
        operations.put("CreateTable", tableOperations::createTable);
        operations.put("DescribeTable", tableOperations::describeTable);
        operations.put("DeleteTable", tableOperations::deleteTable);
        operations.put("ListTables", tableOperations::listTables);
        operations.put("UpdateTimeToLive", tableOperations::updateTimeToLive);
        operations.put("DescribeTimeToLive", tableOperations::describeTimeToLive);
        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("BatchGetItem", items::batchGetItem);
        operations.put("BatchWriteItem", items::batchWriteItem);
        operations.put("TransactWriteItems", transactions::transactWriteItems);
        operations.put("TransactGetItems", transactions::transactGetItems);
        operations.put("Query", reads::query);
        operations.put("Scan", reads::scan);
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public CompletableFuture<ObjectNode> invoke(String operation, ObjectNode input) {
        return CompletableFuture.completedFuture(call(operation, input));
    }

    /**
     * Runs an operation in-process (the Step Functions integrations call this), with the same checks and errors as
     * the API.
     *
     * @throws dev.awstestharness.localcloud.internal.http.AwsServiceException DynamoDB's error
     */
    public ObjectNode call(String operation, JsonNode input) {
        Function<JsonNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw DynamoDbErrors.unknownOperation("The local DynamoDB service does not support the operation '" + operation + "'; it supports "
                    + String.join(", ", operations.keySet()));
        }
        if (input == null || !input.isObject()) throw DynamoDbErrors.validation("The request must be a JSON object");
        return handler.apply(input);
    }

    /** Whether an operation exists, for the aws-sdk integration's error on unknown actions. */
    public boolean supports(String operation) {
        return operations.containsKey(operation);
    }
}

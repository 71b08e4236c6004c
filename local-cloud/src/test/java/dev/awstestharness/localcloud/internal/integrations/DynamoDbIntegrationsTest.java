package dev.awstestharness.localcloud.internal.integrations;

import static dev.awstestharness.localcloud.internal.integrations.SqsAndDynamoDbClients.json;
import static dev.awstestharness.localcloud.internal.integrations.SqsAndDynamoDbClients.task;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.LocalCloud;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The optimized {@code dynamodb:*Item} integrations and {@code aws-sdk:dynamodb:*}, through real state machines. */
class DynamoDbIntegrationsTest {
    static LocalCloud cloud;
    static SqsAndDynamoDbClients clients;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().waitScale(0).start();
        clients = new SqsAndDynamoDbClients(cloud);
    }

    @AfterAll
    static void stop() {
        clients.close();
        cloud.close();
    }

    static String table() {
        String name = "results-" + UUID.randomUUID();
        clients.dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S)));
        return name;
    }

    static JsonNode succeed(String definition, String input) {
        DescribeExecutionResponse execution = clients.run(definition, input);
        assertThat(execution.status()).as("%s: %s %s", execution.status(), execution.error(), execution.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return json(execution.output());
    }

    static DescribeExecutionResponse fail(String definition) {
        DescribeExecutionResponse execution = clients.run(definition, "{}");
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        return execution;
    }

    @Nested
    class Optimized {
        @Test
        void putItemThenGetItemReturnsTheItemInDynamoDbJsonWithSdkMetadata() {
            String table = table();

            JsonNode put = succeed(task("arn:aws:states:::dynamodb:putItem",
                    "{\"TableName\":\"" + table + "\",\"Item\":{\"PK\":{\"S.$\":\"$.id\"},\"total\":{\"N\":\"12.50\"}}}"), "{\"id\":\"order-1\"}");
            JsonNode got = succeed(task("arn:aws:states:::dynamodb:getItem",
                    "{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"order-1\"}}}"), "{}");

            assertThat(put.has("Attributes")).isFalse();
            assertThat(put.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
            assertThat(put.at("/SdkHttpMetadata/HttpHeaders/x-amz-crc32").asText()).isNotEmpty();
            assertThat(got.get("Item")).isEqualTo(json("{\"PK\":{\"S\":\"order-1\"},\"total\":{\"N\":\"12.5\"}}"));
            assertThat(got.at("/SdkResponseMetadata/RequestId").asText()).hasSize(52);
        }

        @Test
        void getItemOfAMissingItemHasNoItem() {
            JsonNode got = succeed(task("arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"" + table() + "\",\"Key\":{\"PK\":{\"S\":\"none\"}}}"), "{}");

            assertThat(got.has("Item")).isFalse();
            assertThat(got.has("SdkHttpMetadata")).isTrue();
        }

        @Test
        void updateItemAndDeleteItemReturnTheRequestedValues() {
            String table = table();
            clients.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("k"), "count", AttributeValue.fromN("1"))));

            JsonNode updated = succeed(task("arn:aws:states:::dynamodb:updateItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"k\"}},"
                    + "\"UpdateExpression\":\"SET #c = #c + :one\",\"ExpressionAttributeNames\":{\"#c\":\"count\"},"
                    + "\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},\"ReturnValues\":\"UPDATED_NEW\"}"), "{}");
            JsonNode deleted = succeed(task("arn:aws:states:::dynamodb:deleteItem",
                    "{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"k\"}},\"ReturnValues\":\"ALL_OLD\"}"), "{}");

            assertThat(updated.get("Attributes")).isEqualTo(json("{\"count\":{\"N\":\"2\"}}"));
            assertThat(deleted.get("Attributes")).isEqualTo(json("{\"PK\":{\"S\":\"k\"},\"count\":{\"N\":\"2\"}}"));
            assertThat(clients.dynamo.getItem(r -> r.tableName(table).key(Map.of("PK", AttributeValue.fromS("k")))).hasItem()).isFalse();
        }

        @Test
        void aFailedConditionIsDynamoDbConditionalCheckFailedException() {
            String table = table();
            clients.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("lock"))));
            String definition = task("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"PK\":{\"S\":\"lock\"}},"
                    + "\"ConditionExpression\":\"attribute_not_exists(PK)\"}");

            DescribeExecutionResponse execution = fail(definition);

            assertThat(execution.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
            assertThat(execution.cause()).matches("The conditional request failed \\(Service: AmazonDynamoDBv2; Status Code: 400; "
                    + "Error Code: ConditionalCheckFailedException; Request ID: [A-Z0-9]{52}; Proxy: null\\)");
        }

        @Test
        void theConditionFailureCanBeCaughtByName() {
            String table = table();
            clients.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("lock"))));
            String definition = "{\"StartAt\":\"Acquire\",\"States\":{\"Acquire\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\","
                    + "\"Parameters\":{\"TableName\":\"" + table + "\",\"Item\":{\"PK\":{\"S\":\"lock\"}},\"ConditionExpression\":\"attribute_not_exists(PK)\"},"
                    + "\"Catch\":[{\"ErrorEquals\":[\"DynamoDB.ConditionalCheckFailedException\"],\"Next\":\"Busy\"}],\"End\":true},"
                    + "\"Busy\":{\"Type\":\"Succeed\"}}}";

            JsonNode output = succeed(definition, "{}");

            assertThat(output.get("Error").asText()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
        }

        @Test
        void aMissingTableIsDynamoDbResourceNotFoundException() {
            DescribeExecutionResponse execution = fail(task("arn:aws:states:::dynamodb:getItem",
                    "{\"TableName\":\"missing-table\",\"Key\":{\"PK\":{\"S\":\"x\"}}}"));

            assertThat(execution.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
            assertThat(execution.cause()).startsWith("Requested resource not found (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException;");
        }

        @Test
        void aValidationErrorIsAmazonDynamoDbException() {
            DescribeExecutionResponse execution = fail(task("arn:aws:states:::dynamodb:getItem",
                    "{\"TableName\":\"" + table() + "\",\"Key\":{\"Other\":{\"S\":\"x\"}}}"));

            assertThat(execution.error()).isEqualTo("DynamoDB.AmazonDynamoDBException");
            assertThat(execution.cause()).startsWith("The provided key element does not match the schema (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException;");
        }

        @Test
        void theCallbackPatternIsNotSupported() {
            DescribeExecutionResponse execution = clients.run(task("arn:aws:states:::dynamodb:getItem.waitForTaskToken",
                    "{\"TableName\":\"" + table() + "\",\"Key\":{\"PK\":{\"S\":\"x\"}}}"), "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        }
    }

    @Nested
    class AwsSdk {
        @Test
        void itemActionsReturnTheApiResponseWithoutMetadata() {
            String table = table();

            succeed(task("arn:aws:states:::aws-sdk:dynamodb:putItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"PK\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}"), "{}");
            JsonNode got = succeed(task("arn:aws:states:::aws-sdk:dynamodb:getItem", "{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"a\"}}}"), "{}");

            assertThat(got).isEqualTo(json("{\"Item\":{\"PK\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}"));
        }

        @Test
        void tablesCanBeCreatedQueriedAndDescribed() {
            String table = "sdk-" + UUID.randomUUID();

            succeed(task("arn:aws:states:::aws-sdk:dynamodb:createTable", "{\"TableName\":\"" + table + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"KeySchema\":[{\"AttributeName\":\"PK\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"SK\",\"KeyType\":\"RANGE\"}],"
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"PK\",\"AttributeType\":\"S\"},{\"AttributeName\":\"SK\",\"AttributeType\":\"N\"}]}"), "{}");
            succeed(task("arn:aws:states:::aws-sdk:dynamodb:batchWriteItem", "{\"RequestItems\":{\"" + table + "\":["
                    + "{\"PutRequest\":{\"Item\":{\"PK\":{\"S\":\"p\"},\"SK\":{\"N\":\"2\"}}}},{\"PutRequest\":{\"Item\":{\"PK\":{\"S\":\"p\"},\"SK\":{\"N\":\"1\"}}}}]}}"), "{}");
            JsonNode queried = succeed(task("arn:aws:states:::aws-sdk:dynamodb:query", "{\"TableName\":\"" + table + "\","
                    + "\"KeyConditionExpression\":\"PK = :p\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p\"}}}"), "{}");
            JsonNode described = succeed(task("arn:aws:states:::aws-sdk:dynamodb:describeTable", "{\"TableName\":\"" + table + "\"}"), "{}");

            assertThat(queried.get("Count").asInt()).isEqualTo(2);
            assertThat(queried.at("/Items/0/SK/N").asText()).isEqualTo("1");
            assertThat(described.at("/Table/TableStatus").asText()).isEqualTo("ACTIVE");
            assertThat(described.at("/Table/ItemCount").asInt()).isEqualTo(2);
        }

        @Test
        void aFailedConditionIsDynamoDbConditionalCheckFailedExceptionInSdkV2Form() {
            String table = table();
            clients.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("lock"))));

            DescribeExecutionResponse execution = fail(task("arn:aws:states:::aws-sdk:dynamodb:putItem", "{\"TableName\":\"" + table + "\","
                    + "\"Item\":{\"PK\":{\"S\":\"lock\"}},\"ConditionExpression\":\"attribute_not_exists(PK)\"}"));

            assertThat(execution.error()).isEqualTo("DynamoDb.ConditionalCheckFailedException");
            assertThat(execution.cause()).matches("The conditional request failed \\(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\\)");
        }

        @Test
        void missingTablesAndValidationErrorsAreNamedAsTheSdkV2NamesThem() {
            DescribeExecutionResponse missing = fail(task("arn:aws:states:::aws-sdk:dynamodb:describeTable", "{\"TableName\":\"missing-table\"}"));
            DescribeExecutionResponse invalid = fail(task("arn:aws:states:::aws-sdk:dynamodb:updateItem", "{\"TableName\":\"" + table() + "\","
                    + "\"Key\":{\"PK\":{\"S\":\"x\"}},\"UpdateExpression\":\"SET status = :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"x\"}}}"));

            assertThat(missing.error()).isEqualTo("DynamoDb.ResourceNotFoundException");
            assertThat(missing.cause()).startsWith("Requested resource not found: Table: missing-table not found (Service: DynamoDb, Status Code: 400, Request ID: ");
            assertThat(invalid.error()).isEqualTo("DynamoDb.DynamoDbException");
            assertThat(invalid.cause()).startsWith("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status (Service: DynamoDb");
        }

        @Test
        void transactionsWriteAllOrNothingAndACancelledOneIsDynamoDbTransactionCanceledException() {
            String table = table();
            clients.dynamo.putItem(r -> r.tableName(table).item(Map.of("PK", AttributeValue.fromS("taken"))));
            String transaction = "{\"TransactItems\":[{\"Put\":{\"TableName\":\"" + table + "\",\"Item\":{\"PK\":{\"S\":\"%s\"}}}},"
                    + "{\"ConditionCheck\":{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"%s\"}},"
                    + "\"ConditionExpression\":\"attribute_not_exists(PK)\"}}]}";

            succeed(task("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", transaction.formatted("first", "free")), "{}");
            DescribeExecutionResponse cancelled = fail(task("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems",
                    transaction.formatted("second", "taken")));
            JsonNode read = succeed(task("arn:aws:states:::aws-sdk:dynamodb:transactGetItems", "{\"TransactItems\":["
                    + "{\"Get\":{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"first\"}}}},"
                    + "{\"Get\":{\"TableName\":\"" + table + "\",\"Key\":{\"PK\":{\"S\":\"second\"}}}}]}"), "{}");

            assertThat(cancelled.error()).isEqualTo("DynamoDb.TransactionCanceledException");
            assertThat(cancelled.cause()).startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons "
                    + "[None, ConditionalCheckFailed] (Service: DynamoDb, Status Code: 400, Request ID: ");
            assertThat(read.at("/Responses/0/Item/PK/S").asText()).isEqualTo("first");
            assertThat(read.at("/Responses/1").isEmpty()).isTrue();
        }

        @Test
        void anUnknownActionFailsTheTask() {
            DescribeExecutionResponse execution = fail(task("arn:aws:states:::aws-sdk:dynamodb:dropEverything", "{}"));

            assertThat(execution.error()).isEqualTo("States.Runtime");
            assertThat(execution.cause()).contains("dropEverything");
        }
    }
}

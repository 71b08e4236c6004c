package dev.awstestharness.localcloud.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awstestharness.localcloud.LocalCloud;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** DynamoDB through the AWS SDK for Java v2: tables, items, the expression languages, queries, scans and batches. */
class DynamoDbServiceTest {
    static LocalCloud cloud;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        dynamo = DynamoDbClient.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        cloud.close();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** A new table with partition key PK (S) and sort key SK (S or N). */
    static String table(ScalarAttributeType sortKeyType) {
        String name = "table-" + UUID.randomUUID();
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(sortKeyType)));
        return name;
    }

    static String hashOnlyTable() {
        String name = "table-" + UUID.randomUUID();
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        return name;
    }

    static Map<String, AttributeValue> item(Object... pairs) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) item.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
        return item;
    }

    static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key)).item();
    }

    static String errorOf(Runnable call) {
        try {
            call.run();
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("expected a DynamoDbException");
    }

    @Nested
    class Tables {
        @Test
        void createTableDescribesAnActiveTable() {
            String name = "orders-" + UUID.randomUUID();

            var created = dynamo.createTable(r -> r.tableName(name)
                    .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))).tableDescription();
            var described = dynamo.describeTable(r -> r.tableName(name)).table();

            assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/" + name);
            assertThat(described.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("PK"));
            assertThat(described.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(described.itemCount()).isZero();
            assertThat(dynamo.waiter().waitUntilTableExists(r -> r.tableName(name)).matched().response()).isPresent();
        }

        @Test
        void creatingAnExistingTableIsResourceInUse() {
            String name = hashOnlyTable();

            assertThatThrownBy(() -> dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith("Table already exists: " + name);
        }

        @Test
        void attributeDefinitionsMustMatchTheKeys() {
            assertThat(errorOf(() -> dynamo.createTable(r -> r.tableName("extra-attribute").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("other").attributeType(ScalarAttributeType.S)))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        @Test
        void provisionedTablesNeedThroughput() {
            assertThat(errorOf(() -> dynamo.createTable(r -> r.tableName("no-throughput")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }

        @Test
        void anUnknownTableIsResourceNotFound() {
            assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("missing-table")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Requested resource not found: Table: missing-table not found");
            assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("missing-table").key(item("id", s("x")))))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Requested resource not found");
        }

        @Test
        void deleteTableRemovesTheTable() {
            String name = hashOnlyTable();

            var deleted = dynamo.deleteTable(r -> r.tableName(name)).tableDescription();

            assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
            assertThat(dynamo.listTables().tableNames()).doesNotContain(name);
            assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName(name))).isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void listTablesPages() {
            List<String> all = new ArrayList<>();
            dynamo.listTablesPaginator(r -> r.limit(2)).tableNames().forEach(all::add);
            String name = hashOnlyTable();

            assertThat(dynamo.listTables().tableNames()).contains(name).isSorted();
            assertThat(all).isSorted();
        }

        @Test
        void timeToLiveSettingsAreKept() {
            String name = hashOnlyTable();

            dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
            var description = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();

            assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(description.attributeName()).isEqualTo("expiresAt");
            assertThat(errorOf(() -> dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")))))
                    .isEqualTo("ValidationException: TimeToLive is already enabled");
        }
    }

    @Nested
    class Items {
        @Test
        void putThenGetReturnsEveryTypeAsStored() {
            String table = hashOnlyTable();
            Map<String, AttributeValue> stored = item("id", s("all-types"),
                    "s", s("text"), "n", n("123.4500"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
                    "bool", AttributeValue.fromBool(true), "null", AttributeValue.fromNul(true),
                    "m", AttributeValue.fromM(Map.of("inner", s("x"))), "l", AttributeValue.fromL(List.of(n("1"), s("two"))),
                    "ss", AttributeValue.fromSs(List.of("a", "b")), "ns", AttributeValue.fromNs(List.of("1", "2.50")),
                    "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));

            dynamo.putItem(r -> r.tableName(table).item(stored));
            Map<String, AttributeValue> read = get(table, item("id", s("all-types")));

            assertThat(read).containsEntry("s", s("text")).containsEntry("bool", AttributeValue.fromBool(true))
                    .containsEntry("m", AttributeValue.fromM(Map.of("inner", s("x"))));
            assertThat(read.get("n").n()).isEqualTo("123.45");
            assertThat(read.get("b").b().asUtf8String()).isEqualTo("bytes");
            assertThat(read.get("ns").ns()).containsExactly("1", "2.5");
            assertThat(read.get("l").l()).containsExactly(n("1"), s("two"));
            assertThat(read.get("null").nul()).isTrue();
        }

        @Test
        void numbersAreExactDecimals() {
            String table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("n"), "big", n("12345678901234567890123456789012345678"), "small", n("0.1"))));

            dynamo.updateItem(r -> r.tableName(table).key(item("id", s("n"))).updateExpression("SET small = small + :x")
                    .expressionAttributeValues(Map.of(":x", n("0.2"))));

            Map<String, AttributeValue> read = get(table, item("id", s("n")));
            assertThat(read.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
            assertThat(read.get("small").n()).isEqualTo("0.3");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"), "n", n("123456789012345678901234567890123456789"))))))
                    .isEqualTo("ValidationException: Attempting to store more than 38 significant digits in a Number");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"), "n", n("abc"))))))
                    .isEqualTo("ValidationException: A value provided cannot be converted into a number");
        }

        @Test
        void getItemOfAMissingItemHasNoItem() {
            String table = hashOnlyTable();

            assertThat(dynamo.getItem(r -> r.tableName(table).key(item("id", s("none")))).hasItem()).isFalse();
        }

        @Test
        void projectionExpressionSelectsNestedAttributes() {
            String table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("p"), "name", s("x"), "other", s("y"),
                    "address", AttributeValue.fromM(Map.of("city", s("Paris"), "zip", s("75001"))),
                    "tags", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))))));

            Map<String, AttributeValue> projected = dynamo.getItem(r -> r.tableName(table).key(item("id", s("p"))).consistentRead(true)
                    .projectionExpression("#n, address.city, tags[1]").expressionAttributeNames(Map.of("#n", "name"))).item();

            assertThat(projected).isEqualTo(item("name", s("x"), "address", AttributeValue.fromM(Map.of("city", s("Paris"))),
                    "tags", AttributeValue.fromL(List.of(s("b")))));
        }

        @Test
        void keysAreCheckedAgainstTheSchema() {
            String table = table(ScalarAttributeType.N);

            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("PK", s("a"))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Missing the key SK in the item");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("PK", s("a"), "SK", s("1"))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Type mismatch for key SK expected: N actual: S");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("PK", s(""), "SK", n("1"))))))
                    .isEqualTo("ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: PK");
            assertThat(errorOf(() -> dynamo.getItem(r -> r.tableName(table).key(item("PK", s("a"))))))
                    .isEqualTo("ValidationException: The provided key element does not match the schema");
        }

        @Test
        void setsAreValidated() {
            String table = hashOnlyTable();

            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"), "ss", AttributeValue.fromSs(List.of()))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: An string set  may not be empty");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"), "ss", AttributeValue.fromSs(List.of("a", "a")))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        }

        @Test
        void putItemReturnsTheOldItem() {
            String table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("r"), "v", n("1"))));

            var replaced = dynamo.putItem(r -> r.tableName(table).item(item("id", s("r"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD));

            assertThat(replaced.attributes()).isEqualTo(item("id", s("r"), "v", n("1")));
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("r"))).returnValues(ReturnValue.ALL_NEW))))
                    .isEqualTo("ValidationException: ReturnValues can only be ALL_OLD or NONE");
        }

        @Test
        void deleteItemRemovesAndReturnsTheItem() {
            String table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("d"), "v", n("1"))));

            var deleted = dynamo.deleteItem(r -> r.tableName(table).key(item("id", s("d"))).returnValues(ReturnValue.ALL_OLD));

            assertThat(deleted.attributes()).containsEntry("v", n("1"));
            assertThat(dynamo.getItem(r -> r.tableName(table).key(item("id", s("d")))).hasItem()).isFalse();
        }
    }

    @Nested
    class Conditions {
        String table;

        Conditions() {
            table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("c"), "status", s("OPEN"), "count", n("5"), "name", s("alpha-one"),
                    "tags", AttributeValue.fromSs(List.of("red", "blue")), "list", AttributeValue.fromL(List.of(s("x"), n("2"))))));
        }

        boolean holds(String condition, Map<String, AttributeValue> values) {
            try {
                dynamo.putItem(r -> {
                    Map<String, String> names = new HashMap<>();
                    Map.of("#s", "status", "#count", "count", "#n", "name", "#l", "list").forEach((alias, name) -> {
                        if (condition.contains(alias + " ") || condition.contains(alias + ")") || condition.contains(alias + ",")) names.put(alias, name);
                    });
                    r.tableName(table).item(get(table, item("id", s("c")))).conditionExpression(condition)
                            .expressionAttributeNames(names.isEmpty() ? null : names);
                    if (!values.isEmpty()) r.expressionAttributeValues(values);
                });
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        }

        @Test
        void attributeExistenceFunctions() {
            assertThat(holds("attribute_exists(id)", Map.of())).isTrue();
            assertThat(holds("attribute_not_exists(id)", Map.of())).isFalse();
            assertThat(holds("attribute_not_exists(absent)", Map.of())).isTrue();
            assertThat(holds("attribute_type(#s, :t)", Map.of(":t", s("S")))).isTrue();
            assertThat(holds("attribute_type(tags, :t)", Map.of(":t", s("NS")))).isFalse();
        }

        @Test
        void comparisonsBetweenAndIn() {
            assertThat(holds("#s = :v", Map.of(":v", s("OPEN")))).isTrue();
            assertThat(holds("#s <> :v", Map.of(":v", s("OPEN")))).isFalse();
            assertThat(holds("#s = :v", Map.of(":v", n("1")))).isFalse();
            assertThat(holds("#s <> :v", Map.of(":v", n("1")))).isTrue();
            assertThat(holds("#count > :v", Map.of(":v", n("4.99")))).isTrue();
            assertThat(holds("#count >= :v AND #count <= :w", Map.of(":v", n("5"), ":w", n("5.0")))).isTrue();
            assertThat(holds("#count BETWEEN :lo AND :hi", Map.of(":lo", n("1"), ":hi", n("10")))).isTrue();
            assertThat(holds("#count < :v", Map.of(":v", s("9")))).isFalse();
            assertThat(holds("#s IN (:a, :b)", Map.of(":a", s("CLOSED"), ":b", s("OPEN")))).isTrue();
        }

        @Test
        void stringAndCollectionFunctions() {
            assertThat(holds("begins_with(#n, :p)", Map.of(":p", s("alpha")))).isTrue();
            assertThat(holds("contains(#n, :p)", Map.of(":p", s("-on")))).isTrue();
            assertThat(holds("contains(tags, :p)", Map.of(":p", s("red")))).isTrue();
            assertThat(holds("contains(#l, :p)", Map.of(":p", n("2")))).isTrue();
            assertThat(holds("size(tags) = :two AND size(#n) > :two", Map.of(":two", n("2")))).isTrue();
        }

        @Test
        void logicalOperatorsAndParentheses() {
            assertThat(holds("NOT (#s = :a OR #s = :b)", Map.of(":a", s("OPEN"), ":b", s("X")))).isFalse();
            assertThat(holds("(#s = :a OR #s = :b) AND attribute_exists(id)", Map.of(":a", s("X"), ":b", s("OPEN")))).isTrue();
            assertThat(holds("#s = :a OR #s = :b AND #s = :c", Map.of(":a", s("OPEN"), ":b", s("X"), ":c", s("Y")))).isTrue();
        }

        @Test
        void aFailedConditionIsConditionalCheckFailed() {
            assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("c"))).conditionExpression("attribute_not_exists(id)")))
                    .isInstanceOf(ConditionalCheckFailedException.class)
                    .hasMessageStartingWith("The conditional request failed");
            assertThatThrownBy(() -> dynamo.deleteItem(r -> r.tableName(table).key(item("id", s("c"))).conditionExpression("#s = :v")
                    .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":v", s("CLOSED")))))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(get(table, item("id", s("c")))).containsEntry("status", s("OPEN"));
        }
    }

    @Nested
    class ExpressionErrors {
        String table = hashOnlyTable();

        @Test
        void reservedWordsNeedAnAlias() {
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET status = :v")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        }

        @Test
        void undefinedAndUnusedNamesAndValuesAreRejected() {
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET #a = :v")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET a = :v"))))
                    .isEqualTo("ValidationException: Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :v");
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET a = :v")
                    .expressionAttributeValues(Map.of(":v", s("x"), ":unused", s("y"))))))
                    .isEqualTo("ValidationException: Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
            assertThat(errorOf(() -> dynamo.getItem(r -> r.tableName(table).key(item("id", s("x"))).projectionExpression("a")
                    .expressionAttributeNames(Map.of("#n", "name")))))
                    .isEqualTo("ValidationException: Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
        }

        @Test
        void syntaxErrorsNameTheToken() {
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET a = ")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"))).conditionExpression("a = = :v")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
        }

        @Test
        void unknownFunctionsAndWrongOperandsAreRejected() {
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"))).conditionExpression("exists(a)"))))
                    .isEqualTo("ValidationException: Invalid ConditionExpression: Invalid function name; function: exists");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"))).conditionExpression("attribute_exists(:v)")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists");
            assertThat(errorOf(() -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"))).conditionExpression("a < :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromBool(true))))))
                    .isEqualTo("ValidationException: Invalid ConditionExpression: Incorrect operand type for operator or function; operator: <, operand type: BOOL");
        }

        @Test
        void overlappingUpdatePathsAreRejected() {
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET a = :v REMOVE a.b")
                    .expressionAttributeValues(Map.of(":v", s("x"))))))
                    .isEqualTo("ValidationException: Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        }

        @Test
        void keyAttributesCannotBeUpdated() {
            assertThat(errorOf(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("x"))).updateExpression("SET id = :v")
                    .expressionAttributeValues(Map.of(":v", s("y"))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
        }
    }

    @Nested
    class Updates {
        String table = hashOnlyTable();

        Map<String, AttributeValue> update(String expression, Map<String, AttributeValue> values) {
            return dynamo.updateItem(r -> {
                r.tableName(table).key(item("id", s("u"))).updateExpression(expression).returnValues(ReturnValue.ALL_NEW);
                if (!values.isEmpty()) r.expressionAttributeValues(values);
            }).attributes();
        }

        @Test
        void updateItemCreatesTheItemAndSetsValues() {
            Map<String, AttributeValue> result = update("SET a = :a, b = :b", Map.of(":a", s("x"), ":b", n("1")));

            assertThat(result).isEqualTo(item("id", s("u"), "a", s("x"), "b", n("1")));
        }

        @Test
        void arithmeticIfNotExistsAndListAppend() {
            update("SET hits = if_not_exists(hits, :zero) + :one, entries = list_append(if_not_exists(entries, :empty), :new)",
                    Map.of(":zero", n("0"), ":one", n("1"), ":empty", AttributeValue.fromL(List.of()), ":new", AttributeValue.fromL(List.of(s("first")))));
            Map<String, AttributeValue> result = update("SET hits = hits - :one, entries = list_append(:front, entries)",
                    Map.of(":one", n("0.5"), ":front", AttributeValue.fromL(List.of(s("zeroth")))));

            assertThat(result.get("hits").n()).isEqualTo("0.5");
            assertThat(result.get("entries").l()).containsExactly(s("zeroth"), s("first"));
        }

        @Test
        void removeAddAndDelete() {
            update("SET gone = :x, nested = :m ADD tally :five, colours :rg", Map.of(":x", s("x"), ":m", AttributeValue.fromM(Map.of("a", s("1"), "b", s("2"))),
                    ":five", n("5"), ":rg", AttributeValue.fromSs(List.of("red", "green"))));

            Map<String, AttributeValue> result = update("REMOVE gone, nested.a ADD tally :two DELETE colours :red",
                    Map.of(":two", n("2"), ":red", AttributeValue.fromSs(List.of("red"))));

            assertThat(result).doesNotContainKey("gone");
            assertThat(result.get("nested").m()).containsOnlyKeys("b");
            assertThat(result.get("tally").n()).isEqualTo("7");
            assertThat(result.get("colours").ss()).containsExactly("green");
        }

        @Test
        void deletingTheLastElementsRemovesTheSet() {
            update("ADD colours :r", Map.of(":r", AttributeValue.fromSs(List.of("red"))));

            assertThat(update("DELETE colours :r", Map.of(":r", AttributeValue.fromSs(List.of("red"))))).doesNotContainKey("colours");
        }

        @Test
        void arithmeticOnAStringIsAnError() {
            update("SET word = :w", Map.of(":w", s("text")));

            assertThat(errorOf(() -> update("SET word = word + :one", Map.of(":one", n("1")))))
                    .isEqualTo("ValidationException: An operand in the update expression has an incorrect data type");
            assertThat(errorOf(() -> update("SET x = absent + :one", Map.of(":one", n("1")))))
                    .isEqualTo("ValidationException: The provided expression refers to an attribute that does not exist in the item");
        }

        @Test
        void aNestedPathNeedsItsParent() {
            assertThat(errorOf(() -> update("SET parent.child = :v", Map.of(":v", s("x")))))
                    .isEqualTo("ValidationException: The document path provided in the update expression is invalid for update");
        }

        @Test
        void returnValuesShowTheUpdatedAttributes() {
            update("SET a = :a, b = :b", Map.of(":a", n("1"), ":b", n("2")));

            var updatedOld = dynamo.updateItem(r -> r.tableName(table).key(item("id", s("u"))).updateExpression("SET a = :a")
                    .expressionAttributeValues(Map.of(":a", n("10"))).returnValues(ReturnValue.UPDATED_OLD)).attributes();
            var updatedNew = dynamo.updateItem(r -> r.tableName(table).key(item("id", s("u"))).updateExpression("SET a = :a")
                    .expressionAttributeValues(Map.of(":a", n("20"))).returnValues(ReturnValue.UPDATED_NEW)).attributes();
            var allOld = dynamo.updateItem(r -> r.tableName(table).key(item("id", s("u"))).updateExpression("SET a = :a")
                    .expressionAttributeValues(Map.of(":a", n("30"))).returnValues(ReturnValue.ALL_OLD)).attributes();
            var none = dynamo.updateItem(r -> r.tableName(table).key(item("id", s("u"))).updateExpression("SET a = :a")
                    .expressionAttributeValues(Map.of(":a", n("40")))).attributes();

            assertThat(updatedOld).isEqualTo(item("a", n("1")));
            assertThat(updatedNew).isEqualTo(item("a", n("20")));
            assertThat(allOld).isEqualTo(item("id", s("u"), "a", n("20"), "b", n("2")));
            assertThat(none).isEmpty();
        }

        @Test
        void aConditionalUpdateOfAMissingItemFails() {
            assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("absent"))).updateExpression("SET a = :a")
                    .conditionExpression("attribute_exists(id)").expressionAttributeValues(Map.of(":a", n("1")))))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            assertThat(dynamo.getItem(r -> r.tableName(table).key(item("id", s("absent")))).hasItem()).isFalse();
        }
    }

    @Nested
    class Queries {
        String table = table(ScalarAttributeType.N);

        Queries() {
            for (int i = 1; i <= 10; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName(table).item(item("PK", s("p"), "SK", n(Integer.toString(n)), "parity", s(n % 2 == 0 ? "even" : "odd"))));
            }
            dynamo.putItem(r -> r.tableName(table).item(item("PK", s("other"), "SK", n("1"))));
        }

        List<String> sortKeys(QueryResponse response) {
            return response.items().stream().map(i -> i.get("SK").n()).toList();
        }

        @Test
        void queriesReturnAPartitionInSortKeyOrderByNumberValue() {
            var response = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("p"))));

            assertThat(sortKeys(response)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(response.count()).isEqualTo(10);
        }

        @Test
        void sortKeyOperators() {
            assertThat(sortKeys(dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p AND SK BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("3"), ":b", n("5")))))).containsExactly("3", "4", "5");
            assertThat(sortKeys(dynamo.query(r -> r.tableName(table).keyConditionExpression("SK > :a AND PK = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("8")))))).containsExactly("9", "10");
            assertThat(sortKeys(dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p AND SK <= :a")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("2")))))).containsExactly("1", "2");
        }

        @Test
        void beginsWithOnAStringSortKey() {
            String strings = table(ScalarAttributeType.S);
            for (String sk : List.of("order#1", "order#2", "invoice#1")) {
                dynamo.putItem(r -> r.tableName(strings).item(item("PK", s("c"), "SK", s(sk))));
            }

            var response = dynamo.query(r -> r.tableName(strings).keyConditionExpression("PK = :p AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":p", s("c"), ":prefix", s("order#"))));

            assertThat(response.items()).extracting(i -> i.get("SK").s()).containsExactly("order#1", "order#2");
        }

        @Test
        void filterLimitAndPagination() {
            var first = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").filterExpression("parity = :e")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":e", s("even"))).limit(4));
            var second = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").filterExpression("parity = :e")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":e", s("even"))).limit(4).exclusiveStartKey(first.lastEvaluatedKey()));

            assertThat(sortKeys(first)).containsExactly("2", "4");
            assertThat(first.scannedCount()).isEqualTo(4);
            assertThat(first.lastEvaluatedKey()).isEqualTo(item("PK", s("p"), "SK", n("4")));
            assertThat(sortKeys(second)).containsExactly("6", "8");
        }

        @Test
        void thePaginatorReadsEveryPage() {
            List<String> all = new ArrayList<>();
            dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", s("p"))).limit(3))
                    .items().forEach(i -> all.add(i.get("SK").n()));

            assertThat(all).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }

        @Test
        void scanIndexForwardFalseReversesTheOrder() {
            var response = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").scanIndexForward(false).limit(3)
                    .expressionAttributeValues(Map.of(":p", s("p"))));

            assertThat(sortKeys(response)).containsExactly("10", "9", "8");
        }

        @Test
        void selectCountCountsWithoutItems() {
            var response = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").select(Select.COUNT)
                    .expressionAttributeValues(Map.of(":p", s("p"))));

            assertThat(response.count()).isEqualTo(10);
            assertThat(response.hasItems()).isFalse();
        }

        @Test
        void projectionOnQueries() {
            var response = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p AND SK = :one").projectionExpression("parity")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1"))));

            assertThat(response.items()).containsExactly(item("parity", s("odd")));
        }

        @Test
        void keyConditionsAreCheckedAgainstTheKey() {
            assertThat(errorOf(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("SK = :a").expressionAttributeValues(Map.of(":a", n("1"))))))
                    .isEqualTo("ValidationException: Query condition missed key schema element: PK");
            assertThat(errorOf(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").filterExpression("SK > :a")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("1"))))))
                    .isEqualTo("ValidationException: Filter Expression can only contain non-primary key attributes: Primary key attribute: SK");
            assertThat(errorOf(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p").expressionAttributeValues(Map.of(":p", n("1"))))))
                    .isEqualTo("ValidationException: One or more parameter values were invalid: Condition parameter type does not match schema type");
            assertThat(errorOf(() -> dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :p OR SK = :a")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("1"))))))
                    .isEqualTo("ValidationException: Invalid operator used in KeyConditionExpression: OR");
        }

        @Test
        void aGlobalSecondaryIndexCanBeQueried() {
            String name = "indexed-" + UUID.randomUUID();
            dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("email").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(g -> g.indexName("byEmail").keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
            dynamo.putItem(r -> r.tableName(name).item(item("id", s("1"), "email", s("a@x"), "extra", s("e"))));
            dynamo.putItem(r -> r.tableName(name).item(item("id", s("2"), "email", s("b@x"))));
            dynamo.putItem(r -> r.tableName(name).item(item("id", s("3"))));

            var response = dynamo.query(r -> r.tableName(name).indexName("byEmail").keyConditionExpression("email = :e")
                    .expressionAttributeValues(Map.of(":e", s("a@x"))));

            assertThat(response.items()).containsExactly(item("id", s("1"), "email", s("a@x")));
            assertThat(dynamo.scan(r -> r.tableName(name).indexName("byEmail")).count()).isEqualTo(2);
        }
    }

    @Nested
    class Scans {
        @Test
        void scanFiltersAndPages() {
            String table = hashOnlyTable();
            for (int i = 0; i < 7; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName(table).item(item("id", s("i" + n), "n", n(Integer.toString(n)))));
            }

            List<Map<String, AttributeValue>> all = new ArrayList<>();
            dynamo.scanPaginator(r -> r.tableName(table).limit(2).filterExpression("n >= :three").expressionAttributeValues(Map.of(":three", n("3"))))
                    .items().forEach(all::add);

            assertThat(all).extracting(i -> i.get("n").n()).containsExactlyInAnyOrder("3", "4", "5", "6");
            assertThat(dynamo.scan(r -> r.tableName(table)).count()).isEqualTo(7);
        }

        @Test
        void parallelScanSegmentsCoverTheTableOnce() {
            String table = hashOnlyTable();
            for (int i = 0; i < 20; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName(table).item(item("id", s("i" + n))));
            }

            int total = 0;
            for (int segment = 0; segment < 3; segment++) {
                int current = segment;
                total += dynamo.scan(r -> r.tableName(table).segment(current).totalSegments(3)).count();
            }

            assertThat(total).isEqualTo(20);
        }
    }

    @Nested
    class Concurrency {
        @Test
        void concurrentUpdatesAndConditionalPutsLoseNothing() throws Exception {
            String table = hashOnlyTable();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Boolean>> acquisitions = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    pool.submit(() -> dynamo.updateItem(r -> r.tableName(table).key(item("id", s("counter"))).updateExpression("ADD hits :one")
                            .expressionAttributeValues(Map.of(":one", n("1")))));
                    acquisitions.add(pool.submit(() -> {
                        try {
                            dynamo.putItem(r -> r.tableName(table).item(item("id", s("lock"))).conditionExpression("attribute_not_exists(id)"));
                            return true;
                        } catch (ConditionalCheckFailedException e) {
                            return false;
                        }
                    }));
                }
                int acquired = 0;
                for (java.util.concurrent.Future<Boolean> acquisition : acquisitions) if (acquisition.get(10, java.util.concurrent.TimeUnit.SECONDS)) acquired++;
                pool.shutdown();
                assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).as("updates finished within 10 s").isTrue();

                assertThat(acquired).isEqualTo(1);
                assertThat(get(table, item("id", s("counter"))).get("hits").n()).isEqualTo("40");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Batches {
        @Test
        void batchWriteThenBatchGet() {
            String table = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(table).item(item("id", s("old"))));

            var written = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("id", s("a"), "v", n("1")))).build(),
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(item("id", s("b"), "v", n("2")))).build(),
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().deleteRequest(d -> d.key(item("id", s("old")))).build()))));
            var read = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                    .keys(item("id", s("a")), item("id", s("b")), item("id", s("old"))).projectionExpression("v").build())));

            assertThat(written.unprocessedItems()).isEmpty();
            assertThat(read.responses().get(table)).containsExactlyInAnyOrder(item("v", n("1")), item("v", n("2")));
            assertThat(read.unprocessedKeys()).isEmpty();
        }

        @Test
        void duplicateKeysInABatchAreRejected() {
            String table = hashOnlyTable();

            assertThat(errorOf(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(table, software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                    .keys(item("id", s("a")), item("id", s("a"))).build())))))
                    .isEqualTo("ValidationException: Provided list of item keys contains duplicates");
        }
    }

    @Nested
    class Transactions {
        @Test
        void transactWriteItemsAppliesEveryActionAcrossTables() {
            String orders = table(ScalarAttributeType.S);
            String stock = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(stock).item(item("id", s("widget"), "count", n("3"))));
            dynamo.putItem(r -> r.tableName(stock).item(item("id", s("shop"), "open", AttributeValue.fromBool(true))));
            dynamo.putItem(r -> r.tableName(orders).item(item("PK", s("o"), "SK", s("old"))));

            dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName(orders).item(item("PK", s("o"), "SK", s("1"), "what", s("widget")))),
                    t -> t.update(u -> u.tableName(stock).key(item("id", s("widget"))).updateExpression("SET #c = #c - :one")
                            .conditionExpression("#c >= :one").expressionAttributeNames(Map.of("#c", "count"))
                            .expressionAttributeValues(Map.of(":one", n("1")))),
                    t -> t.delete(d -> d.tableName(orders).key(item("PK", s("o"), "SK", s("old")))),
                    t -> t.conditionCheck(c -> c.tableName(stock).key(item("id", s("shop"))).conditionExpression("#o = :open")
                            .expressionAttributeNames(Map.of("#o", "open")).expressionAttributeValues(Map.of(":open", AttributeValue.fromBool(true))))));

            assertThat(get(orders, item("PK", s("o"), "SK", s("1")))).containsEntry("what", s("widget"));
            assertThat(get(stock, item("id", s("widget")))).containsEntry("count", n("2"));
            assertThat(dynamo.getItem(r -> r.tableName(orders).key(item("PK", s("o"), "SK", s("old")))).hasItem()).isFalse();
        }

        @Test
        void aFailedConditionCancelsTheWholeTransactionWithOneReasonPerAction() {
            String stock = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(stock).item(item("id", s("widget"), "count", n("0"))));

            TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                    () -> dynamo.transactWriteItems(r -> r.transactItems(
                            t -> t.put(p -> p.tableName(stock).item(item("id", s("gadget"), "count", n("5")))),
                            t -> t.update(u -> u.tableName(stock).key(item("id", s("widget"))).updateExpression("SET #c = #c - :one")
                                    .conditionExpression("#c >= :one").expressionAttributeNames(Map.of("#c", "count"))
                                    .expressionAttributeValues(Map.of(":one", n("1")))
                                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))));

            assertThat(cancelled.awsErrorDetails().errorMessage())
                    .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
            assertThat(cancelled.cancellationReasons()).hasSize(2);
            assertThat(cancelled.cancellationReasons().get(0).code()).isEqualTo("None");
            assertThat(cancelled.cancellationReasons().get(1).code()).isEqualTo("ConditionalCheckFailed");
            assertThat(cancelled.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
            assertThat(cancelled.cancellationReasons().get(1).item()).containsEntry("count", n("0"));
            // nothing was written: the put of the first action is undone with the rest
            assertThat(dynamo.getItem(r -> r.tableName(stock).key(item("id", s("gadget")))).hasItem()).isFalse();
            assertThat(get(stock, item("id", s("widget")))).containsEntry("count", n("0"));
        }

        @Test
        void twoActionsOnOneItemAreRefused() {
            String stock = hashOnlyTable();

            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName(stock).item(item("id", s("a")))),
                    t -> t.conditionCheck(c -> c.tableName(stock).key(item("id", s("a"))).conditionExpression("attribute_not_exists(id)"))))))
                    .isEqualTo("ValidationException: Transaction request cannot include multiple operations on one item");
            assertThat(dynamo.getItem(r -> r.tableName(stock).key(item("id", s("a")))).hasItem()).isFalse();
        }

        @Test
        void malformedTransactionsAreValidationErrors() {
            String stock = hashOnlyTable();

            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(List.of())))).isEqualTo("ValidationException: "
                    + "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
            List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> tooMany = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                String id = "i" + i;
                tooMany.add(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder()
                        .put(p -> p.tableName(stock).item(item("id", s(id)))).build());
            }
            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(tooMany)))).isEqualTo("ValidationException: "
                    + "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.conditionCheck(c -> c.tableName(stock).key(item("id", s("a")))))))).isEqualTo("ValidationException: "
                    + "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy "
                    + "constraint: Member must not be null");
            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName(stock).item(item("id", s("a")))).delete(d -> d.tableName(stock).key(item("id", s("b"))))))))
                    .isEqualTo("ValidationException: TransactItems can only contain one of Check, Put, Update or Delete");
            assertThat(errorOf(() -> dynamo.transactWriteItems(r -> r.transactItems(
                    t -> t.put(p -> p.tableName("no-such-table").item(item("id", s("a"))))))))
                    .isEqualTo("ResourceNotFoundException: Requested resource not found");
        }

        @Test
        void transactGetItemsReadsEveryItemInRequestOrder() {
            String orders = table(ScalarAttributeType.S);
            String stock = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(stock).item(item("id", s("widget"), "count", n("3"), "colour", s("red"))));
            dynamo.putItem(r -> r.tableName(orders).item(item("PK", s("o"), "SK", s("1"))));

            var responses = dynamo.transactGetItems(r -> r.transactItems(
                    t -> t.get(g -> g.tableName(stock).key(item("id", s("widget"))).projectionExpression("#c")
                            .expressionAttributeNames(Map.of("#c", "count"))),
                    t -> t.get(g -> g.tableName(stock).key(item("id", s("missing")))),
                    t -> t.get(g -> g.tableName(orders).key(item("PK", s("o"), "SK", s("1")))))).responses();

            assertThat(responses).hasSize(3);
            assertThat(responses.get(0).item()).isEqualTo(item("count", n("3")));
            assertThat(responses.get(1).hasItem()).isFalse();
            assertThat(responses.get(2).item()).isEqualTo(item("PK", s("o"), "SK", s("1")));
        }

        @Test
        void concurrentTransactionsNeverOversell() throws Exception {
            String stock = hashOnlyTable();
            dynamo.putItem(r -> r.tableName(stock).item(item("id", s("widget"), "count", n("10"))));
            String orders = hashOnlyTable();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String order = "order-" + i;
                attempts.add(pool.submit(() -> {
                    try {
                        dynamo.transactWriteItems(r -> r.transactItems(
                                t -> t.update(u -> u.tableName(stock).key(item("id", s("widget"))).updateExpression("SET #c = #c - :one")
                                        .conditionExpression("#c >= :one").expressionAttributeNames(Map.of("#c", "count"))
                                        .expressionAttributeValues(Map.of(":one", n("1")))),
                                t -> t.put(p -> p.tableName(orders).item(item("id", s(order))))));
                        return true;
                    } catch (TransactionCanceledException e) {
                        return false;
                    }
                }));
            }
            int sold = 0;
            for (var attempt : attempts) if (attempt.get(30, java.util.concurrent.TimeUnit.SECONDS)) sold++;
            pool.shutdown();

            assertThat(sold).isEqualTo(10);
            assertThat(get(stock, item("id", s("widget")))).containsEntry("count", n("0"));
            assertThat(dynamo.scan(r -> r.tableName(orders)).count()).isEqualTo(10);
        }
    }
}

package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.contract.ResultsTable;
import dev.awstestharness.doubles.contract.TestContextBucket;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.List;

/**
 * What every test-doubles stack has: the events queue, the results table, the test-context bucket and (when Lambda or
 * ECS doubles log) the log group; and the IAM statements with which doubles use them.
 */
final class SharedResources {
    /** SQS's minimum retention: invocations are useless once their test has moved on. */
    static final int EVENTS_RETENTION_SECONDS = 60;
    /** The harness deletes each message as it receives it; a short visibility lets a crashed listener's message reappear soon. */
    static final int EVENTS_VISIBILITY_TIMEOUT_SECONDS = 5;
    /** How long objects in the generated buckets live. */
    static final int OBJECT_EXPIRY_DAYS = 1;

    private SharedResources() {}

    static void add(GeneratedTemplate template, DoublesDeclaration declaration, TestDoublesSettings settings) {
        ObjectNode queue = template.resource(GeneratedResources.EVENTS_QUEUE, "AWS::SQS::Queue", "the harness's events queue");
        queue.put("FifoQueue", true);
        queue.put("ContentBasedDeduplication", true);
        // Every invocation is its own message group: high-throughput FIFO lets groups proceed in parallel.
        queue.put("DeduplicationScope", "messageGroup");
        queue.put("FifoThroughputLimit", "perMessageGroupId");
        queue.put("MessageRetentionPeriod", EVENTS_RETENTION_SECONDS);
        queue.put("VisibilityTimeout", EVENTS_VISIBILITY_TIMEOUT_SECONDS);
        queue.put("SqsManagedSseEnabled", true);
        template.output(GeneratedResources.EVENTS_QUEUE + "Url", "The URL of the harness's events queue", Cfn.ref(GeneratedResources.EVENTS_QUEUE),
                null);
        template.output(GeneratedResources.EVENTS_QUEUE + "Arn", "The ARN of the harness's events queue",
                Cfn.getAtt(GeneratedResources.EVENTS_QUEUE, "Arn"), null);

        ObjectNode table = template.resource(GeneratedResources.RESULTS_TABLE, "AWS::DynamoDB::Table", "the harness's results table");
        table.put("BillingMode", "PAY_PER_REQUEST");
        table.set("AttributeDefinitions", Cfn.array(Cfn.object().put("AttributeName", ResultsTable.KEY).put("AttributeType", "S")));
        table.set("KeySchema", Cfn.array(Cfn.object().put("AttributeName", ResultsTable.KEY).put("KeyType", "HASH")));
        table.putObject("TimeToLiveSpecification").put("AttributeName", ResultsTable.TTL).put("Enabled", true);
        template.output(GeneratedResources.RESULTS_TABLE + "Name", "The name of the harness's results table",
                Cfn.ref(GeneratedResources.RESULTS_TABLE), null);

        bucket(template, GeneratedResources.TEST_CONTEXT_BUCKET, "the harness's test-context bucket");
        template.output(GeneratedResources.TEST_CONTEXT_BUCKET + "Name", "The name of the harness's test-context bucket",
                Cfn.ref(GeneratedResources.TEST_CONTEXT_BUCKET), null);

        if (needsLogGroup(declaration)) {
            ObjectNode logGroup = template.resource(GeneratedResources.LOG_GROUP, "AWS::Logs::LogGroup",
                    "the log group of the Lambda function and ECS task doubles");
            logGroup.set("LogGroupName", Cfn.sub(settings.logGroupPrefix() + "${" + Cfn.STACK_NAME + "}"));
            logGroup.put("RetentionInDays", settings.logRetentionDays());
            template.output(GeneratedResources.LOG_GROUP + "Name", "The log group of the Lambda function and ECS task doubles",
                    Cfn.ref(GeneratedResources.LOG_GROUP), null);
        }
    }

    static boolean needsLogGroup(DoublesDeclaration declaration) {
        return !declaration.lambdaFunctions().isEmpty() || !declaration.ecsTaskFamilies().isEmpty();
    }

    /** A private, encrypted bucket whose objects expire after {@value #OBJECT_EXPIRY_DAYS} day. */
    static ObjectNode bucket(GeneratedTemplate template, String logicalId, String purpose) {
        ObjectNode bucket = template.resource(logicalId, "AWS::S3::Bucket", purpose);
        bucket.putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration").addObject()
                .putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
        bucket.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true).put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true).put("RestrictPublicBuckets", true);
        bucket.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", "BucketOwnerEnforced");
        ObjectNode rule = bucket.putObject("LifecycleConfiguration").putArray("Rules").addObject()
                .put("Id", "ExpireTestObjects").put("Status", "Enabled").put("ExpirationInDays", OBJECT_EXPIRY_DAYS);
        rule.putObject("AbortIncompleteMultipartUpload").put("DaysAfterInitiation", OBJECT_EXPIRY_DAYS);
        return bucket;
    }

    /** The harness variables every double gets (doubles add their own name and timeout). */
    static java.util.Map<String, Object> doubleEnvironment() {
        java.util.Map<String, Object> environment = new java.util.LinkedHashMap<>();
        environment.put(dev.awstestharness.doubles.contract.HarnessEnvironment.EVENTS_QUEUE_URL, Cfn.ref(GeneratedResources.EVENTS_QUEUE));
        environment.put(dev.awstestharness.doubles.contract.HarnessEnvironment.RESULTS_TABLE, Cfn.ref(GeneratedResources.RESULTS_TABLE));
        environment.put(dev.awstestharness.doubles.contract.HarnessEnvironment.TEST_CONTEXT_BUCKET, Cfn.ref(GeneratedResources.TEST_CONTEXT_BUCKET));
        return environment;
    }

    /** Reading the mocking session: the one object of the test-context bucket. */
    static ObjectNode readSessionStatement() {
        return Iam.statement("ReadMockingSession", List.of("s3:GetObject"),
                List.of(Cfn.sub("arn:${AWS::Partition}:s3:::${" + GeneratedResources.TEST_CONTEXT_BUCKET + "}/" + TestContextBucket.SESSION_KEY)));
    }

    /** Sending invocations to the events queue. */
    static ObjectNode sendInvocationStatement() {
        return Iam.statement("SendInvocations", List.of("sqs:SendMessage"), List.of(Cfn.getAtt(GeneratedResources.EVENTS_QUEUE, "Arn")));
    }

    /** Reading results from the results table. */
    static ObjectNode readResultsStatement() {
        return Iam.statement("ReadResults", List.of("dynamodb:GetItem"), List.of(Cfn.getAtt(GeneratedResources.RESULTS_TABLE, "Arn")));
    }

    /** Writing log events to the doubles' log group (its Arn attribute ends with {@code :*}: its log streams). */
    static ObjectNode writeLogsStatement() {
        return Iam.statement("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(Cfn.getAtt(GeneratedResources.LOG_GROUP, "Arn")));
    }
}

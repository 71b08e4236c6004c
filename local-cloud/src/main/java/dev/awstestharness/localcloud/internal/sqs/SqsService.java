package dev.awstestharness.localcloud.internal.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsJsonService;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Amazon SQS over the AWS JSON 1.0 protocol ({@code X-Amz-Target: AmazonSQS.*}), as the AWS SDK for Java v2 and the
 * AWS CLI v2 speak it. Queue URLs are {@code http://127.0.0.1:PORT/ACCOUNT/NAME}; any host is accepted in a request.
 */
public final class SqsService implements AwsJsonService, AutoCloseable {
    public static final String TARGET_PREFIX = "AmazonSQS";

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
    private static final Pattern BATCH_ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final String region;
    private final String accountId;
    private final Supplier<URI> endpoint;
    private final Map<String, SqsQueue> queues = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Map<String, Function<ObjectNode, CompletableFuture<ObjectNode>>> operations = new TreeMap<>();

    /**
     * @param endpoint the endpoint queue URLs start with; asked for when a queue is created (the port is known only once
     *     the server listens)
     */
    public SqsService(String region, String accountId, Supplier<URI> endpoint) {
        this.region = region;
        this.accountId = accountId;
        this.endpoint = endpoint;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-sqs-timers");
            thread.setDaemon(true);
            return thread;
        });
        sync("CreateQueue", this::createQueue);
        sync("GetQueueUrl", this::getQueueUrl);
        sync("DeleteQueue", this::deleteQueue);
        sync("ListQueues", this::listQueues);
        sync("GetQueueAttributes", this::getQueueAttributes);
        sync("SetQueueAttributes", this::setQueueAttributes);
        sync("PurgeQueue", this::purgeQueue);
        sync("SendMessage", this::sendMessage);
        sync("SendMessageBatch", this::sendMessageBatch);
        operations.put("ReceiveMessage", this::receiveMessage);
        sync("DeleteMessage", this::deleteMessage);
        sync("DeleteMessageBatch", this::deleteMessageBatch);
        sync("ChangeMessageVisibility", this::changeMessageVisibility);
        sync("ChangeMessageVisibilityBatch", this::changeMessageVisibilityBatch);
        sync("TagQueue", this::tagQueue);
        sync("UntagQueue", this::untagQueue);
        sync("ListQueueTags", this::listQueueTags);
    }

    private void sync(String operation, Function<ObjectNode, ObjectNode> handler) {
        operations.put(operation, input -> CompletableFuture.completedFuture(handler.apply(input)));
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public CompletableFuture<ObjectNode> invoke(String operation, ObjectNode input) {
        Function<ObjectNode, CompletableFuture<ObjectNode>> handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The local SQS service does not support the operation '" + operation
                    + "'; it supports " + String.join(", ", operations.keySet()));
        }
        return handler.apply(input);
    }

    /** The operations the service supports, by name. */
    public Set<String> operations() {
        return java.util.Collections.unmodifiableSet(operations.keySet());
    }

    /** Ends waiting receives (with no messages) and stops the timers. */
    @Override
    public void close() {
        queues.values().forEach(SqsQueue::markDeleted);
        timers.shutdownNow();
    }

    // ---- queues

    private ObjectNode createQueue(ObjectNode input) {
        String name = required(input, "QueueName");
        Map<String, String> requested = stringMap(input, "Attributes");
        boolean fifo = Boolean.parseBoolean(requested.getOrDefault("FifoQueue", "false").strip());
        if (requested.containsKey("FifoQueue") && !fifo && !requested.get("FifoQueue").strip().equalsIgnoreCase("false")) {
            throw SqsException.invalidAttributeValue("Invalid value for the parameter FifoQueue.");
        }
        if (fifo ? !FIFO_QUEUE_NAME.matcher(name).matches() : !QUEUE_NAME.matcher(name).matches()) {
            throw SqsException.invalidParameterValue(fifo || name.endsWith(".fifo")
                    ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
                    : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        requested.remove("FifoQueue");
        SqsQueue existing = queues.get(name);
        if (existing != null) {
            String different = existing.firstDifference(requested);
            if (different != null) throw SqsException.queueNameExists(different);
            return queueUrl(existing);
        }
        QueueAttributes attributes = QueueAttributes.defaults(fifo);
        attributes.apply(requested, fifo, true);
        String url = endpoint.get().toString().replaceAll("/+$", "") + "/" + accountId + "/" + name;
        String arn = "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
        SqsQueue created = new SqsQueue(name, url, arn, fifo, attributes, stringMap(input, "tags"), accountId, System::currentTimeMillis, timers);
        SqsQueue raced = queues.putIfAbsent(name, created);
        return queueUrl(raced != null ? raced : created);
    }

    private static ObjectNode queueUrl(SqsQueue queue) {
        ObjectNode response = LocalJson.object();
        response.put("QueueUrl", queue.url);
        return response;
    }

    private ObjectNode getQueueUrl(ObjectNode input) {
        String name = required(input, "QueueName");
        String owner = optional(input, "QueueOwnerAWSAccountId");
        SqsQueue queue = queues.get(name);
        if (queue == null || (owner != null && !owner.equals(accountId))) throw SqsException.queueDoesNotExist();
        return queueUrl(queue);
    }

    private ObjectNode deleteQueue(ObjectNode input) {
        SqsQueue queue = queue(input);
        if (queues.remove(queue.name, queue)) queue.markDeleted();
        return LocalJson.object();
    }

    private ObjectNode listQueues(ObjectNode input) {
        String prefix = optional(input, "QueueNamePrefix");
        Integer maxResults = integer(input, "MaxResults");
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw SqsException.invalidParameterValue("Value for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.");
        }
        String after = optional(input, "NextToken");
        List<String> names = new ArrayList<>(new TreeMap<>(queues).keySet());
        ArrayNode urls = LocalJson.array();
        String next = null;
        for (String name : names) {
            if (prefix != null && !name.startsWith(prefix)) continue;
            if (after != null && name.compareTo(after) <= 0) continue;
            if (maxResults != null && urls.size() == maxResults) {
                next = lastName(urls);
                break;
            }
            SqsQueue queue = queues.get(name);
            if (queue != null) urls.add(queue.url);
        }
        ObjectNode response = LocalJson.object();
        if (!urls.isEmpty()) response.set("QueueUrls", urls);
        if (next != null) response.put("NextToken", next);
        return response;
    }

    private static String lastName(ArrayNode urls) {
        String url = urls.get(urls.size() - 1).asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private ObjectNode getQueueAttributes(ObjectNode input) {
        SqsQueue queue = queue(input);
        Set<String> names = stringSet(input, "AttributeNames");
        Map<String, String> all = queue.attributes();
        ObjectNode selected = LocalJson.object();
        for (String name : names) {
            if (!name.equals("All") && !all.containsKey(name) && !knownAttribute(name)) throw SqsException.invalidAttributeName(name);
        }
        all.forEach((name, value) -> {
            if (names.contains("All") || names.contains(name)) selected.put(name, value);
        });
        ObjectNode response = LocalJson.object();
        if (!selected.isEmpty()) response.set("Attributes", selected);
        return response;
    }

    private static boolean knownAttribute(String name) {
        return Set.of("Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "FifoQueue",
                "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit", "SqsManagedSseEnabled").contains(name);
    }

    private ObjectNode setQueueAttributes(ObjectNode input) {
        SqsQueue queue = queue(input);
        Map<String, String> requested = stringMap(input, "Attributes");
        for (String name : requested.keySet()) {
            if (QueueAttributes.READ_ONLY.contains(name)) throw SqsException.invalidAttributeName(name);
        }
        queue.setAttributes(requested);
        return LocalJson.object();
    }

    private ObjectNode purgeQueue(ObjectNode input) {
        queue(input).purge();
        return LocalJson.object();
    }

    private ObjectNode tagQueue(ObjectNode input) {
        queue(input).tag(stringMap(input, "Tags"));
        return LocalJson.object();
    }

    private ObjectNode untagQueue(ObjectNode input) {
        queue(input).untag(new ArrayList<>(stringSet(input, "TagKeys")));
        return LocalJson.object();
    }

    private ObjectNode listQueueTags(ObjectNode input) {
        Map<String, String> tags = queue(input).tags();
        ObjectNode response = LocalJson.object();
        if (!tags.isEmpty()) {
            ObjectNode node = response.putObject("Tags");
            tags.forEach(node::put);
        }
        return response;
    }

    // ---- messages

    private ObjectNode sendMessage(ObjectNode input) {
        SqsQueue queue = queue(input);
        SendResult result = queue.send(sendRequest(input));
        return sendResponse(result, null);
    }

    /** Sends a message for an in-process caller (the Step Functions integration), with the same checks and errors as the API. */
    public ObjectNode sendMessage(JsonNode parameters) {
        if (!(parameters instanceof ObjectNode object)) throw SqsException.invalidParameterValue("The parameters must be a JSON object.");
        return sendMessage(object);
    }

    private static SendRequest sendRequest(JsonNode input) {
        JsonNode body = input.get("MessageBody");
        if (body == null || body.isNull()) throw SqsException.missingParameter("MessageBody");
        return new SendRequest(body.asText(), MessageAttribute.parseAll(input.get("MessageAttributes")), integer(input, "DelaySeconds"),
                optional(input, "MessageGroupId"), optional(input, "MessageDeduplicationId"));
    }

    private static ObjectNode sendResponse(SendResult result, String id) {
        ObjectNode response = LocalJson.object();
        if (id != null) response.put("Id", id);
        response.put("MessageId", result.messageId());
        response.put("MD5OfMessageBody", result.md5OfBody());
        if (result.md5OfAttributes() != null) response.put("MD5OfMessageAttributes", result.md5OfAttributes());
        if (result.sequenceNumber() != null) response.put("SequenceNumber", result.sequenceNumber());
        return response;
    }

    private ObjectNode sendMessageBatch(ObjectNode input) {
        SqsQueue queue = queue(input);
        List<JsonNode> entries = batchEntries(input, "SendMessageBatchRequestEntry");
        ArrayNode successful = LocalJson.array();
        ArrayNode failed = LocalJson.array();
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText();
            try {
                successful.add(sendResponse(queue.send(sendRequest(entry)), id));
            } catch (SqsException e) {
                failed.add(failure(id, e));
            }
        }
        return batchResponse(successful, failed);
    }

    private CompletableFuture<ObjectNode> receiveMessage(ObjectNode input) {
        SqsQueue queue = queue(input);
        Integer max = integer(input, "MaxNumberOfMessages");
        if (max != null && (max < 1 || max > 10)) {
            throw SqsException.invalidParameterValue("Value " + max
                    + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }
        Integer wait = integer(input, "WaitTimeSeconds");
        if (wait != null && (wait < 0 || wait > 20)) {
            throw SqsException.invalidParameterValue("Value " + wait
                    + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
        }
        Integer visibility = integer(input, "VisibilityTimeout");
        if (visibility != null && (visibility < 0 || visibility > 43_200)) {
            throw SqsException.invalidParameterValue("Value " + visibility
                    + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.");
        }
        Set<String> system = new LinkedHashSet<>(stringSet(input, "AttributeNames"));
        system.addAll(stringSet(input, "MessageSystemAttributeNames"));
        List<String> messageAttributes = new ArrayList<>(stringSet(input, "MessageAttributeNames"));
        int waitSeconds = wait != null ? wait : queue.receiveWaitTimeSeconds();
        return queue.receive(new ReceiveRequest(max != null ? max : 1, visibility, waitSeconds, system, messageAttributes));
    }

    private ObjectNode deleteMessage(ObjectNode input) {
        queue(input).delete(required(input, "ReceiptHandle"));
        return LocalJson.object();
    }

    private ObjectNode deleteMessageBatch(ObjectNode input) {
        SqsQueue queue = queue(input);
        ArrayNode successful = LocalJson.array();
        ArrayNode failed = LocalJson.array();
        for (JsonNode entry : batchEntries(input, "DeleteMessageBatchRequestEntry")) {
            String id = entry.path("Id").asText();
            try {
                queue.delete(entry.path("ReceiptHandle").asText(null));
                successful.add(LocalJson.object().put("Id", id));
            } catch (SqsException e) {
                failed.add(failure(id, e));
            }
        }
        return batchResponse(successful, failed);
    }

    private ObjectNode changeMessageVisibility(ObjectNode input) {
        SqsQueue queue = queue(input);
        String handle = required(input, "ReceiptHandle");
        Integer seconds = integer(input, "VisibilityTimeout");
        if (seconds == null) throw SqsException.missingParameter("VisibilityTimeout");
        queue.changeVisibility(handle, seconds);
        return LocalJson.object();
    }

    private ObjectNode changeMessageVisibilityBatch(ObjectNode input) {
        SqsQueue queue = queue(input);
        ArrayNode successful = LocalJson.array();
        ArrayNode failed = LocalJson.array();
        for (JsonNode entry : batchEntries(input, "ChangeMessageVisibilityBatchRequestEntry")) {
            String id = entry.path("Id").asText();
            try {
                Integer seconds = integer(entry, "VisibilityTimeout");
                if (seconds == null) throw SqsException.missingParameter("VisibilityTimeout");
                queue.changeVisibility(entry.path("ReceiptHandle").asText(null), seconds);
                successful.add(LocalJson.object().put("Id", id));
            } catch (SqsException e) {
                failed.add(failure(id, e));
            }
        }
        return batchResponse(successful, failed);
    }

    private static List<JsonNode> batchEntries(ObjectNode input, String entryType) {
        JsonNode entries = input.get("Entries");
        List<JsonNode> list = new ArrayList<>();
        if (entries != null && entries.isArray()) entries.forEach(list::add);
        if (list.isEmpty()) throw SqsException.emptyBatchRequest(entryType);
        if (list.size() > 10) throw SqsException.tooManyEntriesInBatchRequest(list.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : list) {
            String id = entry.path("Id").asText("");
            if (!BATCH_ENTRY_ID.matcher(id).matches()) throw SqsException.invalidBatchEntryId();
            if (!ids.add(id)) throw SqsException.batchEntryIdsNotDistinct(id);
        }
        return list;
    }

    private static ObjectNode failure(String id, SqsException e) {
        ObjectNode node = LocalJson.object();
        node.put("Id", id);
        node.put("SenderFault", true);
        node.put("Code", e.queryCode());
        node.put("Message", e.getMessage());
        return node;
    }

    private static ObjectNode batchResponse(ArrayNode successful, ArrayNode failed) {
        ObjectNode response = LocalJson.object();
        response.set("Successful", successful);
        response.set("Failed", failed);
        return response;
    }

    // ---- request fields

    private SqsQueue queue(JsonNode input) {
        String url = required(input, "QueueUrl");
        String path;
        try {
            path = URI.create(url.strip()).getPath();
        } catch (IllegalArgumentException e) {
            throw SqsException.queueDoesNotExist();
        }
        String[] segments = path == null ? new String[0] : path.replaceAll("^/+|/+$", "").split("/");
        if (segments.length != 2 || !segments[0].equals(accountId)) throw SqsException.queueDoesNotExist();
        SqsQueue queue = queues.get(segments[1]);
        if (queue == null) throw SqsException.queueDoesNotExist();
        return queue;
    }

    private static String required(JsonNode input, String field) {
        String value = optional(input, field);
        if (value == null || value.isEmpty()) throw SqsException.missingParameter(field);
        return value;
    }

    private static String optional(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isValueNode()) throw SqsException.invalidParameterValue("Value for parameter " + field + " is invalid. Reason: it must be a string.");
        return value.asText();
    }

    private static Integer integer(JsonNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return null;
        if (value.isIntegralNumber() && value.canConvertToInt()) return value.intValue();
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw SqsException.invalidParameterValue("Value " + value.asText() + " for parameter " + field + " is invalid. Reason: it must be an integer.");
    }

    private static Map<String, String> stringMap(JsonNode input, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = input.get(field);
        if (value == null || value.isNull()) return map;
        if (!value.isObject()) throw SqsException.invalidParameterValue("Value for parameter " + field + " is invalid. Reason: it must be a map.");
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    private static Set<String> stringSet(JsonNode input, String field) {
        Set<String> set = new LinkedHashSet<>();
        JsonNode value = input.get(field);
        if (value != null && value.isArray()) value.forEach(item -> set.add(item.asText()));
        return set;
    }
}

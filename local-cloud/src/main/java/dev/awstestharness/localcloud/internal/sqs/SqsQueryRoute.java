package dev.awstestharness.localcloud.internal.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.http.AwsServiceException;
import dev.awstestharness.localcloud.internal.http.HttpRequest;
import dev.awstestharness.localcloud.internal.http.HttpResponse;
import dev.awstestharness.localcloud.internal.http.Route;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * SQS's older query protocol ({@code Action=SendMessage&...}, form-encoded, XML answers), which SDKs and CLIs released
 * before November 2023 still speak (the AWS CLI that Debian 12 ships, the SDK for Java v1 before 1.12.600). Requests
 * are translated to the JSON operations of {@link SqsService}, and their results and errors back to SQS's XML.
 */
public final class SqsQueryRoute implements Route {
    private static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final Set<String> NUMBERS = Set.of("DelaySeconds", "VisibilityTimeout", "MaxNumberOfMessages", "WaitTimeSeconds", "MaxResults");

    /** Actions whose response has no result element; every other response has one, empty or not. */
    private static final Set<String> NO_RESULT = Set.of("DeleteQueue", "SetQueueAttributes", "PurgeQueue", "DeleteMessage", "ChangeMessageVisibility",
            "TagQueue", "UntagQueue");

    private final SqsService sqs;
    private final Set<String> actions;

    public SqsQueryRoute(SqsService sqs) {
        this.sqs = sqs;
        this.actions = sqs.operations();
    }

    @Override
    public boolean matches(HttpRequest request) {
        if (request.header("X-Amz-Target") != null) return false;
        String action = parameters(request).get("Action");
        return action != null && actions.contains(action);
    }

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        Map<String, String> parameters = parameters(request);
        String action = parameters.get("Action");
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<ObjectNode> result;
        try {
            result = sqs.invoke(action, toJson(action, parameters));
        } catch (AwsServiceException e) {
            return CompletableFuture.completedFuture(error(e, requestId));
        }
        return result.handle((value, failure) -> {
            if (failure == null) return xml(200, success(action, value, requestId));
            Throwable reason = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (reason instanceof AwsServiceException aws) return error(aws, requestId);
            return HttpResponse.internalFailure(reason);
        });
    }

    private static Map<String, String> parameters(HttpRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        decode(request.query(), parameters);
        String contentType = request.header("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) decode(request.bodyText(), parameters);
        return parameters;
    }

    private static void decode(String text, Map<String, String> into) {
        if (text == null || text.isEmpty()) return;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    // ---- query parameters to the JSON request

    static ObjectNode toJson(String action, Map<String, String> parameters) {
        ObjectNode input = LocalJson.object();
        Map<String, Map<String, String>> indexed = new TreeMap<>();
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (name.equals("Action") || name.equals("Version")) continue;
            int dot = name.indexOf('.');
            if (dot < 0) {
                putScalar(input, name, entry.getValue());
            } else {
                indexed.computeIfAbsent(name.substring(0, dot), key -> new TreeMap<>()).put(name.substring(dot + 1), entry.getValue());
            }
        }
        indexed.forEach((group, members) -> {
            switch (group) {
                case "Attribute" -> input.set("Attributes", nameValueMap(members, "Name", "Value"));
                case "Tag", "Tags" -> input.set(action.equals("CreateQueue") ? "tags" : "Tags", nameValueMap(members, "Key", "Value"));
                case "MessageAttribute" -> input.set("MessageAttributes", messageAttributes(members));
                case "AttributeName" -> input.set("AttributeNames", list(members));
                case "MessageSystemAttributeName" -> input.set("MessageSystemAttributeNames", list(members));
                case "MessageAttributeName" -> input.set("MessageAttributeNames", list(members));
                case "TagKey" -> input.set("TagKeys", list(members));
                default -> {
                    if (group.endsWith("BatchRequestEntry")) input.set("Entries", entries(members));
                }
            }
        });
        return input;
    }

    private static void putScalar(ObjectNode node, String name, String value) {
        if (NUMBERS.contains(name)) {
            try {
                node.put(name, Integer.parseInt(value.strip()));
                return;
            } catch (NumberFormatException e) {
                // left as text: the service reports the invalid value
            }
        }
        node.put(name, value);
    }

    /** Groups {@code N.rest} members by their index N. */
    private static Map<Integer, Map<String, String>> byIndex(Map<String, String> members) {
        Map<Integer, Map<String, String>> groups = new TreeMap<>();
        members.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String index = dot < 0 ? key : key.substring(0, dot);
            try {
                groups.computeIfAbsent(Integer.parseInt(index), i -> new TreeMap<>()).put(dot < 0 ? "" : key.substring(dot + 1), value);
            } catch (NumberFormatException e) {
                // not an indexed member; ignored as AWS ignores unknown parameters
            }
        });
        return groups;
    }

    private static ObjectNode nameValueMap(Map<String, String> members, String keyField, String valueField) {
        ObjectNode map = LocalJson.object();
        byIndex(members).values().forEach(entry -> {
            if (entry.containsKey(keyField)) map.put(entry.get(keyField), entry.getOrDefault(valueField, ""));
        });
        return map;
    }

    private static ArrayNode list(Map<String, String> members) {
        ArrayNode list = LocalJson.array();
        byIndex(members).values().forEach(entry -> list.add(entry.get("")));
        return list;
    }

    private static ObjectNode messageAttributes(Map<String, String> members) {
        ObjectNode attributes = LocalJson.object();
        byIndex(members).values().forEach(entry -> {
            ObjectNode value = attributes.putObject(entry.getOrDefault("Name", ""));
            for (String field : new String[] {"DataType", "StringValue", "BinaryValue"}) {
                if (entry.containsKey("Value." + field)) value.put(field, entry.get("Value." + field));
            }
        });
        return attributes;
    }

    private static ArrayNode entries(Map<String, String> members) {
        ArrayNode entries = LocalJson.array();
        byIndex(members).values().forEach(fields -> {
            Map<String, String> entryParameters = new LinkedHashMap<>();
            fields.forEach(entryParameters::put);
            entries.add(toJson("BatchEntry", entryParameters));
        });
        return entries;
    }

    // ---- the JSON response to XML

    private static String success(String action, JsonNode result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (!NO_RESULT.contains(action)) {
            xml.append('<').append(action).append("Result>");
            writeFields(xml, action, result);
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></").append(action).append("Response>");
        return xml.toString();
    }

    private static void writeFields(StringBuilder xml, String action, JsonNode node) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "Attributes" -> value.properties().forEach(attribute -> xml.append("<Attribute><Name>").append(escape(attribute.getKey()))
                        .append("</Name><Value>").append(escape(attribute.getValue().asText())).append("</Value></Attribute>"));
                case "Tags" -> value.properties().forEach(tag -> xml.append("<Tag><Key>").append(escape(tag.getKey()))
                        .append("</Key><Value>").append(escape(tag.getValue().asText())).append("</Value></Tag>"));
                case "MessageAttributes" -> value.properties().forEach(attribute -> {
                    xml.append("<MessageAttribute><Name>").append(escape(attribute.getKey())).append("</Name><Value>");
                    writeFields(xml, action, attribute.getValue());
                    xml.append("</Value></MessageAttribute>");
                });
                case "QueueUrls" -> value.forEach(url -> xml.append("<QueueUrl>").append(escape(url.asText())).append("</QueueUrl>"));
                case "Messages" -> value.forEach(message -> {
                    xml.append("<Message>");
                    writeFields(xml, action, message);
                    xml.append("</Message>");
                });
                case "Successful" -> value.forEach(entry -> element(xml, action + "ResultEntry", action, entry));
                case "Failed" -> value.forEach(entry -> element(xml, "BatchResultErrorEntry", action, entry));
                default -> xml.append('<').append(name).append('>').append(escape(value.asText())).append("</").append(name).append('>');
            }
        }
    }

    private static void element(StringBuilder xml, String element, String action, JsonNode content) {
        xml.append('<').append(element).append('>');
        writeFields(xml, action, content);
        xml.append("</").append(element).append('>');
    }

    private static HttpResponse error(AwsServiceException e, String requestId) {
        String code = e instanceof SqsException sqsError ? sqsError.queryCode() : e.type();
        String xml = "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + escape(code)
                + "</Code><Message>" + escape(e.getMessage()) + "</Message><Detail/></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return xml(e.status(), xml);
    }

    private static HttpResponse xml(int status, String body) {
        return new HttpResponse(status, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\r' -> escaped.append("&#xD;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

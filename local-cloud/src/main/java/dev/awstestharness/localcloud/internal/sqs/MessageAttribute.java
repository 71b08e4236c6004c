package dev.awstestharness.localcloud.internal.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A message attribute: a data type ({@code String}, {@code Number}, {@code Binary}, optionally with a custom suffix) and its value. */
record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,256}");
    private static final int MAX_ATTRIBUTES = 10;

    /** The attributes of a request ({@code MessageAttributes}), validated as SQS does. */
    static Map<String, MessageAttribute> parseAll(JsonNode node) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        if (node == null || node.isNull()) return attributes;
        if (!node.isObject()) throw SqsException.invalidParameterValue("MessageAttributes must be a map of attribute names to values.");
        if (node.size() > MAX_ATTRIBUTES) {
            throw SqsException.invalidParameterValue("Number of message attributes [" + node.size() + "] exceeds the allowed maximum [10].");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            attributes.put(field.getKey(), parse(field.getKey(), field.getValue()));
        }
        return attributes;
    }

    private static MessageAttribute parse(String name, JsonNode value) {
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || name.toLowerCase().startsWith("aws.") || name.toLowerCase().startsWith("amazon.")) {
            throw SqsException.invalidParameterValue("Message (user) attribute name '" + name + "' is invalid.");
        }
        String dataType = value.path("DataType").asText("");
        if (dataType.isEmpty()) {
            throw SqsException.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        String base = dataType.contains(".") ? dataType.substring(0, dataType.indexOf('.')) : dataType;
        JsonNode string = value.get("StringValue");
        JsonNode binary = value.get("BinaryValue");
        switch (base) {
            case "String", "Number" -> {
                if (string == null || string.isNull() || string.asText().isEmpty()) {
                    throw SqsException.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + base + "'.");
                }
                if (base.equals("Number")) checkNumber(name, string.asText());
                return new MessageAttribute(dataType, string.asText(), null);
            }
            case "Binary" -> {
                if (binary == null || binary.isNull() || binary.asText().isEmpty()) {
                    throw SqsException.invalidParameterValue("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type 'Binary'.");
                }
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(binary.asText());
                } catch (IllegalArgumentException e) {
                    throw SqsException.invalidParameterValue("The message attribute '" + name + "' has an invalid binary value.");
                }
                return new MessageAttribute(dataType, null, bytes);
            }
            default -> throw SqsException.invalidParameterValue("The type of message (user) attribute '" + name + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
        }
    }

    private static void checkNumber(String name, String text) {
        try {
            new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw SqsException.invalidParameterValue("Can't cast the value of message (user) attribute '" + name + "' to a number.");
        }
    }

    ObjectNode toJson() {
        ObjectNode node = LocalJson.object();
        if (binaryValue != null) {
            node.put("BinaryValue", Base64.getEncoder().encodeToString(binaryValue));
        } else {
            node.put("StringValue", stringValue);
        }
        node.put("DataType", dataType);
        return node;
    }

    int size(String name) {
        return name.length() + dataType.length() + (binaryValue != null ? binaryValue.length : stringValue.length());
    }
}

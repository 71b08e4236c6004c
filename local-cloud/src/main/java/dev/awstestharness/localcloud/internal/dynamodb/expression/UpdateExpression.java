package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.localcloud.internal.dynamodb.AttributeValues;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The actions of an UpdateExpression. {@link #apply} computes every value from the item as it was before the update,
 * as DynamoDB does, then writes them.
 */
public final class UpdateExpression {
    record SetAction(Path path, Operand value) {}

    record AddAction(Path path, Operand.ValueOperand value) {}

    record DeleteAction(Path path, Operand.ValueOperand value) {}

    final List<SetAction> sets = new ArrayList<>();
    final List<Path> removes = new ArrayList<>();
    final List<AddAction> adds = new ArrayList<>();
    final List<DeleteAction> deletes = new ArrayList<>();

    /** Every path the update writes, in expression order. */
    public List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        sets.forEach(action -> paths.add(action.path()));
        removes.forEach(paths::add);
        adds.forEach(action -> paths.add(action.path()));
        deletes.forEach(action -> paths.add(action.path()));
        return paths;
    }

    /** The top-level attributes the update writes. */
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        paths().forEach(path -> names.add(path.topLevel()));
        return names;
    }

    /** The item after the update; {@code item} is not changed. */
    public ObjectNode apply(ObjectNode item) {
        List<JsonNode> setValues = new ArrayList<>();
        for (SetAction action : sets) setValues.add(action.value().value(item));
        List<JsonNode> addValues = new ArrayList<>();
        for (AddAction action : adds) addValues.add(added(action, action.path().resolve(item)));
        List<JsonNode> deleteValues = new ArrayList<>();
        for (DeleteAction action : deletes) deleteValues.add(deleted(action, action.path().resolve(item)));

        ObjectNode updated = item.deepCopy();
        for (int i = 0; i < sets.size(); i++) write(updated, sets.get(i).path(), setValues.get(i));
        for (int i = 0; i < adds.size(); i++) write(updated, adds.get(i).path(), addValues.get(i));
        for (int i = 0; i < deletes.size(); i++) {
            if (deleteValues.get(i) == null) remove(updated, deletes.get(i).path());
            else write(updated, deletes.get(i).path(), deleteValues.get(i));
        }
        // Removing list elements from the highest index down keeps the other indexes pointing where they did.
        List<Path> ordered = new ArrayList<>(removes);
        ordered.sort(Comparator.comparing((Path path) -> path.last() instanceof Integer index ? index : -1).reversed());
        for (Path path : ordered) remove(updated, path);
        return updated;
    }

    private static JsonNode added(AddAction action, JsonNode current) {
        JsonNode value = action.value().constant();
        String type = AttributeValues.type(value);
        if (current == null) return value;
        String currentType = AttributeValues.type(current);
        if (type.equals("N") && currentType.equals("N")) {
            return AttributeValues.number(AttributeValues.add(AttributeValues.numberOf(current), AttributeValues.numberOf(value)));
        }
        if (type.equals(currentType) && (type.equals("SS") || type.equals("NS") || type.equals("BS"))) {
            ObjectNode union = LocalJson.object();
            ArrayNode elements = union.putArray(type);
            current.get(type).forEach(elements::add);
            for (JsonNode element : value.get(type)) {
                if (!containsElement(current.get(type), element, type)) elements.add(element);
            }
            return union;
        }
        throw DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
    }

    /** The set without the given elements, or {@code null} when nothing is left (the attribute is then removed). */
    private static JsonNode deleted(DeleteAction action, JsonNode current) {
        JsonNode value = action.value().constant();
        String type = AttributeValues.type(value);
        if (current == null) return null;
        if (!type.equals(AttributeValues.type(current))) {
            throw DynamoDbErrors.validation("An operand in the update expression has an incorrect data type");
        }
        ObjectNode rest = LocalJson.object();
        ArrayNode elements = rest.putArray(type);
        for (JsonNode element : current.get(type)) {
            if (!containsElement(value.get(type), element, type)) elements.add(element);
        }
        return elements.isEmpty() ? null : rest;
    }

    private static boolean containsElement(JsonNode elements, JsonNode element, String type) {
        for (JsonNode candidate : elements) {
            if (type.equals("NS") ? new BigDecimal(candidate.textValue()).compareTo(new BigDecimal(element.textValue())) == 0
                    : candidate.textValue().equals(element.textValue())) {
                return true;
            }
        }
        return false;
    }

    private static void write(ObjectNode item, Path path, JsonNode value) {
        if (path.isTopLevel()) {
            item.set(path.topLevel(), value);
            return;
        }
        JsonNode parent = path.parent().resolve(item);
        Object last = path.last();
        if (last instanceof String name && parent != null && parent.has("M")) {
            ((ObjectNode) parent.get("M")).set(name, value);
        } else if (last instanceof Integer index && parent != null && parent.has("L")) {
            ArrayNode list = (ArrayNode) parent.get("L");
            if (index < list.size()) list.set(index, value);
            else list.add(value);
        } else {
            throw DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
        }
    }

    private static void remove(ObjectNode item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.topLevel());
            return;
        }
        JsonNode parent = path.parent().resolve(item);
        Object last = path.last();
        if (last instanceof String name && parent != null && parent.has("M")) {
            ((ObjectNode) parent.get("M")).remove(name);
        } else if (last instanceof Integer index && parent != null && parent.has("L")) {
            ArrayNode list = (ArrayNode) parent.get("L");
            if (index < list.size()) list.remove((int) index);
        } else if (parent != null) {
            throw DynamoDbErrors.validation("The document path provided in the update expression is invalid for update");
        }
    }
}

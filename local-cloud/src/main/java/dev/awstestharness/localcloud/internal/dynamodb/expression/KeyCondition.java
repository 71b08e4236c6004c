package dev.awstestharness.localcloud.internal.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.localcloud.internal.dynamodb.AttributeValues;
import dev.awstestharness.localcloud.internal.dynamodb.DynamoDbErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Query's KeyConditionExpression taken apart: the partition key's value and the condition on the sort key, checked
 * against the key schema with DynamoDB's errors.
 *
 * @param hashValue the partition key value the query reads
 * @param rangeCondition the condition on the sort key, or {@code null}
 */
public record KeyCondition(JsonNode hashValue, Condition rangeCondition) {
    /** Takes a parsed key condition apart for a key of {@code hashName} (type {@code hashType}) and optional {@code rangeName}. */
    public static KeyCondition of(Condition condition, String hashName, String hashType, String rangeName, String rangeType) {
        List<Condition> parts = new ArrayList<>();
        if (condition instanceof Condition.And and) {
            if (and.left() instanceof Condition.And || and.right() instanceof Condition.And) {
                throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
            }
            parts.add(and.left());
            parts.add(and.right());
        } else {
            parts.add(condition);
        }
        JsonNode hashValue = null;
        Condition range = null;
        for (Condition part : parts) {
            String attribute = keyAttribute(part);
            if (attribute.equals(hashName) && part instanceof Condition.Comparison comparison && comparison.operator().equals("=")) {
                hashValue = checkType(comparison.right(), hashType);
            } else if (attribute.equals(hashName)) {
                throw DynamoDbErrors.validation("Query key condition not supported");
            } else if (attribute.equals(rangeName)) {
                if (range != null) throw DynamoDbErrors.validation("Query key condition not supported");
                if (part instanceof Condition.Comparison comparison) {
                    if (comparison.operator().equals("<>")) {
                        throw DynamoDbErrors.validation("Unsupported operator on KeyConditionExpression: operator: <>");
                    }
                    checkType(comparison.right(), rangeType);
                } else if (part instanceof Condition.Between between) {
                    checkType(between.low(), rangeType);
                    checkType(between.high(), rangeType);
                } else if (part instanceof Condition.BeginsWith beginsWith) {
                    checkType(beginsWith.prefix(), rangeType);
                    if (rangeType.equals("N")) {
                        throw DynamoDbErrors.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                    }
                }
                range = part;
            } else {
                throw DynamoDbErrors.validation(rangeName != null && range == null && !attribute.equals(rangeName)
                        ? "Query condition missed key schema element: " + rangeName
                        : "Query key condition not supported");
            }
        }
        if (hashValue == null) throw DynamoDbErrors.validation("Query condition missed key schema element: " + hashName);
        return new KeyCondition(hashValue, range);
    }

    /** The single key attribute a part of a key condition is about, with the forms DynamoDB allows. */
    private static String keyAttribute(Condition part) {
        Operand subject;
        Operand other;
        if (part instanceof Condition.Comparison comparison) {
            subject = comparison.left();
            other = comparison.right();
        } else if (part instanceof Condition.Between between) {
            subject = between.operand();
            other = between.low();
            if (!(between.high() instanceof Operand.ValueOperand)) throw unsupported();
        } else if (part instanceof Condition.BeginsWith beginsWith) {
            subject = beginsWith.operand();
            other = beginsWith.prefix();
        } else if (part instanceof Condition.Or) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: OR");
        } else if (part instanceof Condition.Not) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: NOT");
        } else if (part instanceof Condition.In) {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: IN");
        } else {
            throw DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: " + functionName(part));
        }
        if (!(subject instanceof Operand.PathOperand path) || !path.path().isTopLevel() || !(other instanceof Operand.ValueOperand)) {
            throw unsupported();
        }
        return path.path().topLevel();
    }

    private static String functionName(Condition part) {
        if (part instanceof Condition.AttributeExists exists) return exists.exists() ? "attribute_exists" : "attribute_not_exists";
        if (part instanceof Condition.AttributeType) return "attribute_type";
        return "contains";
    }

    private static RuntimeException unsupported() {
        return DynamoDbErrors.validation("Query key condition not supported");
    }

    private static JsonNode checkType(Operand operand, String type) {
        JsonNode value = ((Operand.ValueOperand) operand).constant();
        if (!AttributeValues.type(value).equals(type)) {
            throw DynamoDbErrors.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
        return value;
    }

    /** The top-level attributes a condition refers to, e.g. to reject key attributes in a Query's FilterExpression. */
    public static Set<String> attributesOf(Condition condition) {
        Set<String> names = new LinkedHashSet<>();
        collect(condition, names);
        return names;
    }

    private static void collect(Condition condition, Set<String> names) {
        if (condition instanceof Condition.Comparison c) {
            collectOperand(c.left(), names);
            collectOperand(c.right(), names);
        } else if (condition instanceof Condition.Between b) {
            collectOperand(b.operand(), names);
            collectOperand(b.low(), names);
            collectOperand(b.high(), names);
        } else if (condition instanceof Condition.In in) {
            collectOperand(in.operand(), names);
            in.candidates().forEach(candidate -> collectOperand(candidate, names));
        } else if (condition instanceof Condition.And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (condition instanceof Condition.Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (condition instanceof Condition.Not not) {
            collect(not.condition(), names);
        } else if (condition instanceof Condition.AttributeExists exists) {
            names.add(exists.path().topLevel());
        } else if (condition instanceof Condition.AttributeType type) {
            names.add(type.path().topLevel());
        } else if (condition instanceof Condition.BeginsWith beginsWith) {
            collectOperand(beginsWith.operand(), names);
            collectOperand(beginsWith.prefix(), names);
        } else if (condition instanceof Condition.Contains contains) {
            collectOperand(contains.operand(), names);
            collectOperand(contains.element(), names);
        }
    }

    private static void collectOperand(Operand operand, Set<String> names) {
        if (operand instanceof Operand.PathOperand path) names.add(path.path().topLevel());
        else if (operand instanceof Operand.Size size) collectOperand(size.argument(), names);
    }
}

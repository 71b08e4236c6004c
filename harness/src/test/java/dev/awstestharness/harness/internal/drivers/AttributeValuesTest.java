package dev.awstestharness.harness.internal.drivers;

import static dev.awstestharness.harness.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AttributeValuesTest {
    record Order(String id, int quantity) {}

    @Test
    void javaValuesBecomeAttributeValues() {
        assertThat(AttributeValues.item(Map.of("s", "text", "n", 42, "d", 0.1, "big", new BigDecimal("1E+3"), "b", true,
                "l", List.of(1, "x"), "m", Map.of("k", "v"), "record", new Order("o-1", 3))))
                .containsEntry("s", AttributeValue.fromS("text"))
                .containsEntry("n", AttributeValue.fromN("42"))
                .containsEntry("d", AttributeValue.fromN("0.1"))
                .containsEntry("big", AttributeValue.fromN("1000"))
                .containsEntry("b", AttributeValue.fromBool(true))
                .containsEntry("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("x"))))
                .containsEntry("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))
                .containsEntry("record", AttributeValue.fromM(Map.of("id", AttributeValue.fromS("o-1"), "quantity", AttributeValue.fromN("3"))));
        assertThat(AttributeValues.attribute(null)).isEqualTo(AttributeValue.fromNul(true));
        assertThat(AttributeValues.attribute(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(new BigDecimal("12345678901234567890.5")))).isEqualTo(AttributeValue.fromN("12345678901234567890.5"));
    }

    @Test
    void attributeValuesBecomeJsonWithExactNumbers() {
        var item = AttributeValues.json(Map.of(
                "int", AttributeValue.fromN("7"),
                "long", AttributeValue.fromN("9007199254740993"),
                "huge", AttributeValue.fromN("123456789012345678901234567890"),
                "fraction", AttributeValue.fromN("1.5"),
                "inexact", AttributeValue.fromN("0.12345678901234567890123"),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "bytes", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                "nul", AttributeValue.fromNul(true)));

        assertThat(item.get("int")).isEqualTo(json("7"));
        assertThat(item.get("long").longValue()).isEqualTo(9007199254740993L);
        assertThat(item.get("huge").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(item.get("fraction")).isEqualTo(json("1.5"));
        assertThat(item.get("inexact").decimalValue()).isEqualByComparingTo("0.12345678901234567890123");
        assertThat(item.get("ss")).isEqualTo(json("[\"a\", \"b\"]"));
        assertThat(item.get("ns")).isEqualTo(json("[1, 2.5]"));
        assertThat(item.get("bytes").asText()).isEqualTo("aGk=");
        assertThat(item.get("nul").isNull()).isTrue();
    }
}

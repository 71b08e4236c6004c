package dev.awstestharness.asl.internal.intrinsics;

import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.assertInvalidArguments;
import static dev.awstestharness.asl.internal.intrinsics.IntrinsicTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * States.Base64Encode, Base64Decode and Hash: AWS's documented examples, executions recorded on AWS and behaviour
 * observed on AWS; the digests of other data are the standard ones (as coreutils' md5sum and sha256sum give).
 */
class EncodingAndHashFunctionsTest {
    private static String text(String call, String input) {
        return evaluate(call, input).textValue();
    }

    private static String text(String call) {
        return text(call, "{}");
    }

    @Test
    void base64EncodeEncodesTheUtf8BytesWithPadding() {
        assertThat(text("States.Base64Encode($.input)", "{\"input\": \"Data to encode\"}")).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(text("States.Base64Encode('')")).isEqualTo("");
        assertThat(text("States.Base64Encode($.s)", "{\"s\": \"✓\"}")).isEqualTo("4pyT");
        assertThat(text("States.Base64Encode($.s)", "{\"s\": \"こんにちは\"}")).isEqualTo("44GT44KT44Gr44Gh44Gv");
    }

    @Test
    void base64EncodeAcceptsAtMostTenThousandCharacters() {
        String ok = "{\"s\": \"" + "a".repeat(10_000) + "\"}";
        String tooLong = "{\"s\": \"" + "a".repeat(10_001) + "\"}";

        assertThat(text("States.Base64Encode($.s)", ok)).hasSize(13_336).doesNotContain("\n");
        assertInvalidArguments("States.Base64Encode($.s)", tooLong, "States.Base64Encode",
                "argument 1 must be a string of at most 10000 characters");
    }

    @Test
    void base64EncodeRejectsNonStrings() {
        assertInvalidArguments("States.Base64Encode(123)", "States.Base64Encode",
                "argument 1 must be a string, but it is the number 123");
    }

    @Test
    void base64DecodeDecodesToAUtf8String() {
        assertThat(text("States.Base64Decode($.base64)", "{\"base64\": \"RGF0YSB0byBlbmNvZGU=\"}")).isEqualTo("Data to encode");
        assertThat(text("States.Base64Decode('')")).isEqualTo("");
        assertThat(text("States.Base64Decode('4pyT')")).isEqualTo("✓");
        assertThat(text("States.Base64Decode('YWJjAGRlZg==')")).isEqualTo("abc\u0000def");
    }

    @Test
    void base64DecodeSkipsCharactersOutsideTheAlphabetLikeAws() {
        // Observed on AWS: surrounding spaces are tolerated.
        assertThat(text("States.Base64Decode(' YWJjZA== ')")).isEqualTo("abcd");
    }

    @Test
    void base64DecodeRejectsTooLongInputAndNonStrings() {
        assertInvalidArguments("States.Base64Decode($.s)", "{\"s\": \"" + "A".repeat(10_001) + "\"}",
                "States.Base64Decode", "argument 1 must be a string of at most 10000 characters");
        assertInvalidArguments("States.Base64Decode($.o)", "{\"o\": {}}", "States.Base64Decode", "argument 1 must be a string");
    }

    @Test
    void hashComputesTheDigestWithEachAlgorithm() {
        String data = "{\"Data\": \"input data\"}";

        assertThat(text("States.Hash($.Data, 'MD5')", data)).isEqualTo("812f45842bc6d66ee14572ce20db8e86");
        assertThat(text("States.Hash($.Data, 'SHA-1')", data)).isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
        assertThat(text("States.Hash($.Data, 'SHA-512')", data))
                .isEqualTo("6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc5"
                        + "0283731a533d30d425402d4f91316d871303aac4");
        assertThat(text("States.Hash('hello', 'SHA-256')"))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(text("States.Hash('hello', 'SHA-384')"))
                .isEqualTo("59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f");
    }

    @Test
    void hashHashesTheUtf8BytesOfUnicodeText() {
        assertThat(text("States.Hash($.s, 'SHA-256')", "{\"s\": \"こんにちは\"}"))
                .isEqualTo("125aeadf27b0459b8760c13a3d80912dfa8a81a68261906f60d87f4a0268646c");
    }

    @Test
    void hashKeepsLeadingZerosOfTheDigest() {
        assertThat(text("States.Hash('value215', 'MD5')")).isEqualTo("0092b0d76da26680f26cea6ea0a94b2b");
    }

    @Test
    void hashIsCorrectForLongInput() {
        String input = "{\"s\": \"" + "a".repeat(10_000) + "\"}";

        assertThat(text("States.Hash($.s, 'SHA-256')", input))
                .isEqualTo("27dd1f61b867b6a0f6e9d8a41c43231de52107e53ae424de8f847b821db4b711");
        assertThat(text("States.Hash($.s, 'SHA-1')", input)).isEqualTo("a080cbda64850abb7b7f67ee875ba068074ff6fe");
    }

    @Test
    void hashRejectsUnknownAlgorithmsAndTooLongData() {
        assertInvalidArguments("States.Hash('data', 'sha-256')", "States.Hash",
                "argument 2 must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but it is the string \"sha-256\"");
        assertInvalidArguments("States.Hash('data', 'SHA256')", "States.Hash", "argument 2 must be one of");
        assertInvalidArguments("States.Hash('data', 123)", "States.Hash", "argument 2 must be a string");
        assertInvalidArguments("States.Hash($.s, 'SHA-256')", "{\"s\": \"" + "a".repeat(10_001) + "\"}", "States.Hash",
                "argument 1 must be data of at most 10000 characters");
    }
}

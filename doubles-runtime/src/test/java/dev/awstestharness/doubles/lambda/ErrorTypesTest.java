package dev.awstestharness.doubles.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorTypesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Exception", "OrderRejected", "Lambda.TooManyRequestsException", "States.TaskFailed", "com.example.Declined",
            "My-Error", "Error Type", "Fehler.Größe", "Exception.Nested"})
    void anExceptionsClassNameIsTheRequestedType(String type) {
        Throwable error = ErrorTypes.create(type, "the message");

        assertThat(error).isInstanceOf(RuntimeException.class).hasMessage("the message");
        assertThat(error.getClass().getName()).isEqualTo(type);
    }

    @Test
    void withoutATypeTheExceptionIsNamedException() {
        assertThat(ErrorTypes.create(null, "m").getClass().getName()).isEqualTo("Exception");
        assertThat(ErrorTypes.create(" ", "m").getClass().getName()).isEqualTo("Exception");
    }

    @Test
    void eachTypeIsGeneratedOnce() {
        assertThat(ErrorTypes.create("Once.Only", "a").getClass()).isSameAs(ErrorTypes.create("Once.Only", "b").getClass());
    }

    @Test
    void aJdkExceptionIsUsedAsItIs() {
        Throwable error = ErrorTypes.create("java.lang.IllegalStateException", "m");

        assertThat(error.getClass()).isSameAs(IllegalStateException.class);
        assertThat(ErrorTypes.create("java.io.IOException", "m").getClass()).isSameAs(java.io.IOException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;b", "a[]", "a/b", ".Leading", "Trailing.", "Two..Dots", "java.lang.NoSuchThing", "java.lang.String", "tab\there"})
    void aTypeThatCannotBeAClassNameBecomesAnErrorSayingSo(String type) {
        Throwable error = ErrorTypes.create(type, "the message");

        assertThat(error.getClass().getName()).isEqualTo("AwsTestHarness.InvalidErrorType");
        assertThat(error.getMessage()).startsWith("The error type '" + type + "' cannot be thrown by a Java Lambda function: ")
                .endsWith("The error's message was: the message");
    }

    @Test
    void aNullMessageStaysNull() {
        assertThat(ErrorTypes.create("NoMessage", null).getMessage()).isNull();
    }
}

package dev.awstestharness.infrastructure.macro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awstestharness.infrastructure.Fixtures;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployable macro jar ({@code infrastructure-<version>-macro.jar}), as Lambda runs it: loaded alone in a class
 * loader that sees nothing of the build's class path, its handler called with a request of the shape CloudFormation
 * sends, made from the example's template.
 */
class MacroJarIT {
    private static Path jar;
    private static URLClassLoader loader;
    private static Object macro;
    private static Method handleRequest;

    @BeforeAll
    static void loadTheJarInIsolation() throws Exception {
        jar = Path.of(System.getProperty("macro.jar", "target/infrastructure-0.1.0-SNAPSHOT-macro.jar"));
        assertThat(jar).as("the macro jar, built by the package phase").exists();
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> handler = loader.loadClass("dev.awstestharness.infrastructure.macro.TestDoublesMacro");
        assertThat(handler.getClassLoader()).isSameAs(loader);
        Constructor<?> constructor = handler.getConstructor(Map.class);
        macro = constructor.newInstance(MacroEvents.environment());
        Class<?> context = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
        handleRequest = handler.getMethod("handleRequest", Map.class, context);
        System.out.printf("macro jar: %s, %,d bytes%n", jar.getFileName(), Files.size(jar));
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoke(Map<String, Object> request) throws Exception {
        return (Map<String, Object>) handleRequest.invoke(macro, request, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJarTransformsTheExampleTemplate() throws Exception {
        Map<String, Object> response = invoke(MacroEvents.example());
        assertThat(response).containsEntry("requestId", MacroEvents.REQUEST_ID).containsEntry("status", "success");
        Map<String, Object> resources = (Map<String, Object>) ((Map<String, Object>) response.get("fragment")).get("Resources");
        assertThat(resources).containsKeys("ExampleStateMachine", "FirstAWSTestHarnessLambdaFunction", "SecondAWSTestHarnessStateMachine",
                "FirstAWSTestHarnessS3Bucket", "SecondAWSTestHarnessDynamoDBTable", "FirstAWSTestHarnessECSTaskDefinition", "AWSTestHarnessECSCluster",
                "AWSTestHarnessEventsQueue");
        Map<String, Object> machine = (Map<String, Object>) ((Map<String, Object>) resources.get("FirstAWSTestHarnessStateMachine")).get("Properties");
        assertThat((Map<String, Object>) machine.get("Definition")).containsKey("States");
    }

    @Test
    void theJarFailsABadDeclarationNamingTheParameter() throws Exception {
        Map<String, Object> response = invoke(MacroEvents.request(Fixtures.exampleTemplate(), Map.of("AWSTestHarnessLambdaFunctions",
                List.of("First", "not-valid"))));
        assertThat(response).containsEntry("status", "failure");
        assertThat((String) response.get("errorMessage")).startsWith("the template: parameter AWSTestHarnessLambdaFunctions: declares 'not-valid', "
                + "which is not a valid double name");
    }

    @Test
    void theJarHoldsNoAwsSdkAndStaysSmall() throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(entry -> entry.getName())).noneMatch(name -> name.startsWith("software/amazon/awssdk/"))
                    .contains("dev/awstestharness/doubles/double-state-machine.asl.json", "com/amazonaws/services/lambda/runtime/RequestHandler.class");
        }
        assertThat(Files.size(jar)).isLessThan(8L * 1024 * 1024);
    }
}

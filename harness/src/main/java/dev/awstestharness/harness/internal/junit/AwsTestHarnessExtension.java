package dev.awstestharness.harness.internal.junit;

import dev.awstestharness.harness.AwsTestHarness;
import dev.awstestharness.harness.TestHarness;
import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.DeclarationReader;
import dev.awstestharness.harness.internal.declaration.TemplateException;
import dev.awstestharness.harness.internal.declaration.TemplateSource;
import dev.awstestharness.harness.internal.target.AwsTarget;
import dev.awstestharness.harness.internal.target.LocalTarget;
import dev.awstestharness.harness.internal.target.Setting;
import dev.awstestharness.harness.internal.target.SettingsSource;
import dev.awstestharness.harness.internal.target.Targets;
import dev.awstestharness.harness.internal.target.Targets.TargetUnavailableException;
import dev.awstestharness.harness.internal.twins.InvocationProblem;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit 5 extension behind {@link AwsTestHarness}.
 *
 * <ul>
 *   <li>{@code beforeAll}: gets the template's target from the root store, or reads the template and starts it (one per
 *       template and target for the whole run, closed when the run ends);</li>
 *   <li>{@code beforeEach}: starts the test's session (a new mocking session id in the test-context bucket, no twins,
 *       no problems); the session ends when the test's store closes;</li>
 *   <li>{@code afterEach}: fails the test listing the invocations it did not handle (no twin, or a failing twin);</li>
 *   <li>injects {@link TestHarness} into test and lifecycle method parameters, constructors and (non-final, unset) instance
 *       fields;</li>
 *   <li>{@code testFailed}: prints to {@code System.err} each execution the test started, with its history, and each
 *       twin with its invocations.</li>
 * </ul>
 * Per-test state lives in the extension context stores, never in this (shared) instance.
 */
public final class AwsTestHarnessExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestInstancePostProcessor, TestWatcher {
    private static final Namespace NAMESPACE = Namespace.create(AwsTestHarnessExtension.class);
    private static final String RUN = "run";
    private static final String DEFAULT_TEMPLATE = "template.yaml";

    /** What {@code testFailed} needs after the test's own store has closed. */
    private record FinishedTest(TestSession session, String target) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        activeTarget(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        List<Field> fields = ReflectionSupport.findFields(testInstance.getClass(), field -> field.getType() == TestHarness.class,
                HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) return;
        ActiveTarget active = activeTarget(context);
        for (Field field : fields) {
            String name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (Modifier.isStatic(field.getModifiers())) {
                throw new ExtensionConfigurationException("The TestHarness field " + name + " is static; make it an instance field: "
                        + "each test gets its own harness");
            }
            if (Modifier.isFinal(field.getModifiers())) continue; // set by the constructor, from an injected parameter
            try {
                field.setAccessible(true);
                if (field.get(testInstance) != null) continue;
                field.set(testInstance, new CurrentTestHarness(active, testInstance.getClass().getSimpleName()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("@AwsTestHarness could not set the TestHarness field " + name + ": " + e, e);
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ActiveTarget active = activeTarget(context);
        String testName = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
        TestRun run = active.begin(testName);
        context.getStore(NAMESPACE).put(RUN, run);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestRun run = context.getStore(NAMESPACE).get(RUN, TestRun.class);
        if (run == null) return;
        context.getParent().ifPresent(parent -> parent.getStore(NAMESPACE).put(finishedKey(context),
                new FinishedTest(run.session(), run.active().target().describe())));
        List<InvocationProblem> problems = run.session().problems();
        if (!problems.isEmpty()) throw Diagnostics.unhandled(problems);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == TestHarness.class) return true;
        if (type.getPackage() != null && type.getPackage().getName().equals(TestHarness.class.getPackageName())) {
            throw new ParameterResolutionException("@AwsTestHarness injects TestHarness only, but " + describe(parameterContext) + " is a "
                    + type.getSimpleName() + "; take a TestHarness parameter and get the " + type.getSimpleName() + " from it");
        }
        return false;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Executable executable = parameterContext.getDeclaringExecutable();
        if (executable instanceof Constructor<?>) {
            return new CurrentTestHarness(activeTarget(extensionContext), extensionContext.getRequiredTestClass().getSimpleName());
        }
        TestRun run = extensionContext.getTestMethod().isPresent() ? extensionContext.getStore(NAMESPACE).get(RUN, TestRun.class) : null;
        if (run == null) {
            throw new ParameterResolutionException("A TestHarness belongs to one test, but " + describe(parameterContext)
                    + " runs outside a test (a @BeforeAll or @AfterAll method); take it in test, @BeforeEach or @AfterEach methods, "
                    + "or in an instance field");
        }
        return run.harness();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        FinishedTest finished = takeFinished(context);
        if (finished == null) return;
        System.err.print(Diagnostics.describe(finished.session(), finished.target()));
        System.err.flush();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        takeFinished(context);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        takeFinished(context);
    }

    private static FinishedTest takeFinished(ExtensionContext context) {
        return context.getParent().map(parent -> parent.getStore(NAMESPACE).remove(finishedKey(context), FinishedTest.class)).orElse(null);
    }

    private static String finishedKey(ExtensionContext context) {
        return "finished " + context.getUniqueId();
    }

    private static String describe(ParameterContext parameterContext) {
        Executable executable = parameterContext.getDeclaringExecutable();
        return "parameter " + parameterContext.getIndex() + " (" + parameterContext.getParameter().getName() + ") of "
                + executable.getDeclaringClass().getSimpleName() + (executable instanceof Constructor<?> ? " (constructor)" : "." + executable.getName());
    }

    /** The template's started target: from the root store, or started now. */
    private static ActiveTarget activeTarget(ExtensionContext context) {
        String template = template(context);
        Class<?> testClass = context.getRequiredTestClass();
        TemplateSource source;
        try {
            source = TemplateSource.locate(template, Path.of(""), testClass.getClassLoader());
        } catch (TemplateException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        Targets.Configuration configuration = configuration(context);
        String key = "target " + configuration.kind() + " " + source.key();
        if (!configuration.kind().trim().equalsIgnoreCase(AwsTarget.KIND)) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, ignored -> start(source, configuration), ActiveTarget.class);
        }
        // One stack serves one run: runs nested in this one (the test kit) share its target.
        String stack = key + " " + Setting.STACK_NAME.read(configuration.settings()).map(Setting.Value::text).orElse("")
                + " " + Setting.REGION.read(configuration.settings()).map(Setting.Value::text).orElse("");
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(stack,
                ignored -> SharedTargets.reference(stack, () -> start(source, configuration)), SharedTargets.Reference.class).target();
    }

    private static ActiveTarget start(TemplateSource source, Targets.Configuration configuration) {
        try {
            Declaration declaration = DeclarationReader.read(source);
            return new ActiveTarget(Targets.start(declaration, configuration));
        } catch (TemplateException | TargetUnavailableException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** The template named by the nearest {@link AwsTestHarness} on the test class or its enclosing classes. */
    private static String template(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<AwsTestHarness> annotation = AnnotationSupport.findAnnotation(type, AwsTestHarness.class);
            if (annotation.isPresent()) return annotation.get().template();
        }
        return DEFAULT_TEMPLATE;
    }

    private static Targets.Configuration configuration(ExtensionContext context) {
        SettingsSource settings = SettingsSource.of(context::getConfigurationParameter, System.getenv());
        String kind = LocalTarget.KIND;
        String source = "the default";
        Optional<Setting.Value> configured = Setting.TARGET.read(settings);
        if (configured.isPresent()) {
            kind = configured.get().text();
            source = configured.get().origin();
        }
        double waitScale = LocalTarget.DEFAULT_WAIT_SCALE;
        Optional<String> scale = settings.parameter(LocalTarget.WAIT_SCALE_PROPERTY);
        if (scale.isPresent()) {
            try {
                waitScale = Double.parseDouble(scale.get().trim());
            } catch (NumberFormatException e) {
                waitScale = -1;
            }
            if (!(waitScale >= 0) || Double.isInfinite(waitScale)) {
                throw new ExtensionConfigurationException(LocalTarget.WAIT_SCALE_PROPERTY + " must be a number of 0 or more (0: Wait states "
                        + "and retries take no time, the default; 1: real time), but was '" + scale.get() + "'");
            }
        }
        return new Targets.Configuration(kind.trim(), source, waitScale, settings);
    }
}

package dev.awstestharness.localcloud.internal.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.awstestharness.localcloud.internal.json.LocalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * A Lambda handler string ({@code com.example.Handler} or {@code com.example.Handler::method}) resolved to a class on
 * the local cloud's classpath, called as Lambda's Java runtime calls it: a {@link RequestStreamHandler} gets the raw
 * payload; a {@link RequestHandler} or a named method gets the payload deserialized with Jackson into its input type,
 * and its result is serialized as JSON.
 *
 * <p>Instances are made with a public constructor taking the function's environment variables
 * ({@code Map<String, String>}) when the class has one, else with the public no-argument constructor, which is all
 * AWS's runtime calls; since {@code System.getenv} cannot differ per function in-process, that constructor is how a
 * handler reads its function's environment locally.
 */
final class JavaHandler {
    private final String handler;
    private final Class<?> type;
    private final Method method;
    private final boolean stream;
    private final JavaType inputType;
    private final boolean withContext;

    private JavaHandler(String handler, Class<?> type, Method method, boolean stream, JavaType inputType, boolean withContext) {
        this.handler = handler;
        this.type = type;
        this.method = method;
        this.stream = stream;
        this.inputType = inputType;
        this.withContext = withContext;
    }

    /**
     * Resolves a handler string.
     *
     * @throws dev.awstestharness.localcloud.internal.http.AwsServiceException InvalidParameterValueException naming what is
     *     missing
     */
    static JavaHandler resolve(String handler, ClassLoader loader) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw LambdaErrors.invalidParameter("The handler class '" + className + "' (handler '" + handler + "') is not on the classpath of "
                    + "the local cloud; local functions run handler classes of the JVM running the local cloud");
        }
        if (methodName == null) {
            if (RequestStreamHandler.class.isAssignableFrom(type)) return streamHandler(handler, type, "handleRequest");
            if (RequestHandler.class.isAssignableFrom(type)) {
                JavaType[] parameters = TypeFactory.defaultInstance().constructType(type).findTypeParameters(RequestHandler.class);
                JavaType input = parameters.length > 0 ? parameters[0] : TypeFactory.unknownType();
                Method method = publicMethod(type, "handleRequest", 2)
                        .orElseThrow(() -> LambdaErrors.invalidParameter("The handler class '" + className + "' has no handleRequest method"));
                return new JavaHandler(handler, type, method, false, input, true);
            }
            throw LambdaErrors.invalidParameter("The handler class '" + className + "' implements neither RequestHandler nor "
                    + "RequestStreamHandler; name its method as '" + className + "::method'");
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(candidate -> candidate.getName().equals(methodName) && !candidate.isBridge() && candidate.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> LambdaErrors.invalidParameter("The handler class '" + className + "' has no public method '" + methodName
                        + "' taking at most 3 parameters (handler '" + handler + "')"));
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length >= 2 && InputStream.class.isAssignableFrom(parameters[0]) && OutputStream.class.isAssignableFrom(parameters[1])) {
            return new JavaHandler(handler, type, method, true, null, parameters.length == 3);
        }
        JavaType input = parameters.length == 0 ? null : TypeFactory.defaultInstance().constructType(method.getGenericParameterTypes()[0]);
        return new JavaHandler(handler, type, method, false, input, parameters.length == 2);
    }

    private static JavaHandler streamHandler(String handler, Class<?> type, String name) {
        Method method = publicMethod(type, name, 3).orElseThrow();
        return new JavaHandler(handler, type, method, true, null, true);
    }

    private static java.util.Optional<Method> publicMethod(Class<?> type, String name, int parameters) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.getName().equals(name) && method.getParameterCount() == parameters && !method.isBridge())
                .findFirst()
                .or(() -> Arrays.stream(type.getMethods()).filter(method -> method.getName().equals(name) && method.getParameterCount() == parameters)
                        .findFirst());
    }

    String handler() {
        return handler;
    }

    /** A new handler instance ({@code null} for a static method), given the function's environment. */
    Object newInstance(Map<String, String> environment) throws Throwable {
        if (Modifier.isStatic(method.getModifiers())) return null;
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == Map.class) {
                    return constructor.newInstance(environment);
                }
            }
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("The handler class '" + type.getName() + "' has no public no-argument constructor", e);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    /** Calls the handler with a payload; what it throws is the function's error. */
    byte[] invoke(Object instance, byte[] payload, Context context) throws Throwable {
        try {
            if (stream) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                Object[] arguments = withContext
                        ? new Object[] {new ByteArrayInputStream(payload), output, context}
                        : new Object[] {new ByteArrayInputStream(payload), output};
                method.invoke(instance, arguments);
                return output.toByteArray();
            }
            Object input = inputType == null ? null : input(payload);
            Object[] arguments = inputType == null ? new Object[0] : withContext ? new Object[] {input, context} : new Object[] {input};
            Object result = method.invoke(instance, arguments);
            return LocalJson.MAPPER.writeValueAsBytes(result);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object input(byte[] payload) throws java.io.IOException {
        JsonNode node = LocalJson.MAPPER.readTree(payload);
        if (inputType.getRawClass() == JsonNode.class || JsonNode.class.isAssignableFrom(inputType.getRawClass())) return node;
        if (inputType.getRawClass() == InputStream.class) return new ByteArrayInputStream(payload);
        return LocalJson.MAPPER.convertValue(node, inputType);
    }
}

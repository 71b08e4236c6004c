package dev.awstestharness.doubles.lambda;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exceptions whose class name is a requested error type. Lambda's Java runtime (AWS's and the local cloud's) reports
 * a handler's error with {@code errorType} = the exception's class name, so to make a function fail with
 * {@code OrderRejected} or {@code Lambda.TooManyRequestsException} the relay throws an instance of a class with that
 * very name: a public class extending {@link RuntimeException} with a {@code (String message)} constructor, written as a
 * class file at run time and defined in a class loader of its own, once per name.
 *
 * <p>A name is accepted when the JVM accepts it as a class name: one or more non-empty parts separated by dots, none
 * containing {@code ; [ /} or control characters, at most {@value #MAX_LENGTH} characters, not in a package
 * {@code java.*} (which only the JDK may define; such a name is accepted when it names a JDK exception with a
 * {@code (String)} constructor, which is then used).
 */
final class ErrorTypes {
    /** The type of an error thrown without a type, as a Python {@code raise Exception(...)} reports it. */
    static final String DEFAULT = "Exception";
    /** The type of the error thrown instead when the requested type cannot be a class name. */
    static final String INVALID = "AwsTestHarness.InvalidErrorType";
    static final int MAX_LENGTH = 1000;

    private static final Map<String, Constructor<? extends Throwable>> CONSTRUCTORS = new ConcurrentHashMap<>();
    private static final GeneratingLoader LOADER = new GeneratingLoader();

    private ErrorTypes() {}

    /**
     * An exception whose class name is {@code type} ({@link #DEFAULT} when {@code null} or blank) and whose message is
     * {@code message}; when {@code type} cannot be a class name, an {@link #INVALID} exception whose message says so and
     * carries {@code message}.
     */
    static Throwable create(String type, String message) {
        String name = type == null || type.isBlank() ? DEFAULT : type;
        String problem = problem(name);
        Throwable error = problem != null
                ? instantiate(constructor(INVALID), "The error type '" + name + "' cannot be thrown by a Java Lambda function: " + problem
                        + ". The error's message was: " + message)
                : instantiate(constructor(name), message);
        // The stack trace of the caller: not the reflective construction's frames.
        StackTraceElement[] frames = new Throwable().getStackTrace();
        error.setStackTrace(java.util.Arrays.copyOfRange(frames, Math.min(1, frames.length), frames.length));
        return error;
    }

    /** Why {@code name} cannot be the name of an exception class, or {@code null} when it can. */
    static String problem(String name) {
        if (name.length() > MAX_LENGTH) return "it is longer than " + MAX_LENGTH + " characters";
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) return "it has an empty part between dots";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ';' || c == '[' || c == '/' || Character.isISOControl(c)) {
                return "it contains '" + (Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "', which no class name may contain";
            }
        }
        if (name.startsWith("java.") && jdkException(name) == null) {
            return "only the JDK defines classes in the package java, and it has no exception of that name with a (String) constructor";
        }
        return null;
    }

    private static Constructor<? extends Throwable> constructor(String name) {
        return CONSTRUCTORS.computeIfAbsent(name, key -> {
            if (key.startsWith("java.")) return jdkException(key);
            try {
                return LOADER.define(key).getConstructor(String.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("The generated exception class '" + key + "' has no (String) constructor", e);
            }
        });
    }

    private static Constructor<? extends Throwable> jdkException(String name) {
        try {
            Class<?> type = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            if (!Throwable.class.isAssignableFrom(type) || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) return null;
            return type.asSubclass(Throwable.class).getConstructor(String.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    private static Throwable instantiate(Constructor<? extends Throwable> constructor, String message) {
        try {
            return constructor.newInstance(message);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot create an exception of type " + constructor.getDeclaringClass().getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create an exception of type " + constructor.getDeclaringClass().getName(), e);
        }
    }

    /** Defines the generated classes; its parent (the platform loader) provides RuntimeException and String. */
    private static final class GeneratingLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        GeneratingLoader() {
            super("aws-test-harness-error-types", ClassLoader.getPlatformClassLoader());
        }

        Class<? extends RuntimeException> define(String binaryName) {
            synchronized (getClassLoadingLock(binaryName)) {
                Class<?> loaded = findLoadedClass(binaryName);
                if (loaded == null) {
                    byte[] bytes = classFile(binaryName.replace('.', '/'));
                    loaded = defineClass(binaryName, bytes, 0, bytes.length);
                }
                return loaded.asSubclass(RuntimeException.class);
            }
        }
    }

    /**
     * The class file of {@code public class <internalName> extends RuntimeException} with the single constructor
     * {@code public <init>(String message) { super(message); }}.
     */
    static byte[] classFile(String internalName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor version
            out.writeShort(52); // major version: Java 8, which needs no stack map for straight-line code
            out.writeShort(10); // constant pool count: entries 1..9
            utf8(out, internalName); // #1
            classEntry(out, 1); // #2 this class
            utf8(out, "java/lang/RuntimeException"); // #3
            classEntry(out, 3); // #4 super class
            utf8(out, "<init>"); // #5
            utf8(out, "(Ljava/lang/String;)V"); // #6
            out.writeByte(12); // #7 NameAndType <init>:(String)V
            out.writeShort(5);
            out.writeShort(6);
            out.writeByte(10); // #8 Methodref RuntimeException.<init>(String)
            out.writeShort(4);
            out.writeShort(7);
            utf8(out, "Code"); // #9
            out.writeShort(0x0001 | 0x0020); // ACC_PUBLIC | ACC_SUPER
            out.writeShort(2); // this
            out.writeShort(4); // super
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(1); // methods
            out.writeShort(0x0001); // public
            out.writeShort(5); // <init>
            out.writeShort(6); // (String)V
            out.writeShort(1); // one attribute: Code
            out.writeShort(9);
            byte[] code = {0x2a, 0x2b, (byte) 0xb7, 0x00, 0x08, (byte) 0xb1}; // aload_0 aload_1 invokespecial #8 return
            out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
            out.writeShort(2); // max stack
            out.writeShort(2); // max locals
            out.writeInt(code.length);
            out.write(code);
            out.writeShort(0); // exception table
            out.writeShort(0); // code attributes
            out.writeShort(0); // class attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void utf8(DataOutputStream out, String text) throws IOException {
        out.writeByte(1);
        out.writeUTF(text); // modified UTF-8, as class files use
    }

    private static void classEntry(DataOutputStream out, int nameIndex) throws IOException {
        out.writeByte(7);
        out.writeShort(nameIndex);
    }
}

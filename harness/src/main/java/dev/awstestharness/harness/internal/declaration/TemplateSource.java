package dev.awstestharness.harness.internal.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a template is: a file (a path relative to the working directory, or absolute) or a classpath resource. Files it
 * refers to ({@code DefinitionUri}) are read relative to it.
 */
public final class TemplateSource {
    private final URL url;
    private final String name;

    private TemplateSource(URL url, String name) {
        this.url = url;
        this.name = name;
    }

    /**
     * Finds a template: first as a path relative to {@code workingDirectory} (or absolute), then as a resource of
     * {@code loader}.
     *
     * @throws TemplateException when it is neither
     */
    public static TemplateSource locate(String template, Path workingDirectory, ClassLoader loader) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) throw new TemplateException("@AwsTestHarness(template) is blank; give the path of the template");
        Path path = workingDirectory.resolve(template).normalize();
        if (Files.isRegularFile(path)) return of(path, template);
        String resource = template.startsWith("/") ? template.substring(1) : template;
        URL url = loader == null ? null : loader.getResource(resource);
        if (url != null) return new TemplateSource(url, "classpath:" + resource);
        throw new TemplateException("The template '" + template + "' is neither a file (" + path.toAbsolutePath()
                + ", relative to the working directory " + workingDirectory.toAbsolutePath() + ") nor a classpath resource");
    }

    public static TemplateSource of(Path path) {
        return of(path, path.toString());
    }

    private static TemplateSource of(Path path, String name) {
        try {
            return new TemplateSource(path.toAbsolutePath().normalize().toUri().toURL(), name);
        } catch (MalformedURLException e) {
            throw new TemplateException("The template path " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** How messages name the template. */
    public String name() {
        return name;
    }

    /** Identifies the template: the same file gives the same key however it was named. */
    public String key() {
        return url.toString();
    }

    /** The template file's path, or {@code null} when it is inside a jar. */
    public Path path() {
        if (!url.getProtocol().equals("file")) return null;
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public String read() {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("The template " + name + " cannot be read: " + e, e);
        }
    }

    /**
     * Reads a file the template refers to.
     *
     * @param relative its path relative to the template
     * @param field the template field that names it, for messages
     */
    public String readRelative(String relative, String field) {
        URL target;
        try {
            target = new URL(url, relative);
        } catch (MalformedURLException e) {
            throw new TemplateException(name + ": " + field + ": '" + relative + "' is not a usable path: " + e.getMessage(), e);
        }
        String shown = target.getProtocol().equals("file") ? pathOf(target) : target.toString();
        try (InputStream in = target.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new TemplateException(name + ": " + field + ": the file '" + relative + "' does not exist (looked for " + shown
                    + ", relative to the template)", e);
        } catch (IOException e) {
            throw new TemplateException(name + ": " + field + ": the file '" + relative + "' (" + shown + ") cannot be read: " + e, e);
        }
    }

    private static String pathOf(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

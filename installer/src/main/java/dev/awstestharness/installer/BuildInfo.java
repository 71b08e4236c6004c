package dev.awstestharness.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What was built: the version and the git commit of the build (read by the build into {@code build.properties};
 * {@code <sha>-dirty} when the work tree had changes, empty outside a git work tree).
 */
public record BuildInfo(String version, Optional<String> commit) {
    static final String RESOURCE = "/dev/awstestharness/installer/build.properties";

    public BuildInfo {
        if (version == null || version.isBlank() || version.contains("${")) {
            throw new IllegalArgumentException("The installer's version is missing: build it with Maven (mvn package), which writes " + RESOURCE);
        }
        commit = commit.filter(value -> !value.isBlank() && !value.contains("${"));
    }

    /** The build's own information. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("The installer lacks " + RESOURCE + ": build it with Maven (mvn package)");
            Properties properties = new Properties();
            properties.load(in);
            return new BuildInfo(properties.getProperty("version", ""), Optional.ofNullable(properties.getProperty("commit")).map(String::strip));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The runner image's tags: the version, and the commit when known. */
    public List<String> imageTags() {
        List<String> tags = new ArrayList<>(List.of(version));
        commit.ifPresent(tags::add);
        return List.copyOf(tags);
    }

    /** The tag the test stacks' task definitions use: the commit's when known (the most specific), else the version's. */
    public String pinnedImageTag() {
        return commit.orElse(version);
    }
}

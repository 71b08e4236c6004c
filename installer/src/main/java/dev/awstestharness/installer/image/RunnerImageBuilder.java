package dev.awstestharness.installer.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Builds the runner image of a {@link RunnerImagePlan} with Jib: no Docker daemon, the base image pulled from its
 * registry and the result pushed to another, one image per architecture under one image index. File times and the
 * creation time are fixed (Jib's defaults and {@link Instant#EPOCH}), so the same jars give the same layers and digests.
 */
public final class RunnerImageBuilder {
    static final String TOOL_NAME = "aws-test-harness-installer";

    private RunnerImageBuilder() {}

    /** The image as Jib builds it on {@code base} (a registry image, or {@code Jib.fromScratch()} for a layering check). */
    public static JibContainerBuilder containerBuilder(RunnerImagePlan plan, JibContainerBuilder base) {
        Set<Platform> platforms = new LinkedHashSet<>();
        plan.architectures().forEach(architecture -> platforms.add(new Platform(architecture.ociName(), "linux")));
        JibContainerBuilder builder = base.setPlatforms(platforms).setEntrypoint(plan.entrypoint()).setProgramArguments(List.of())
                .setUser(plan.user()).setLabels(plan.labels()).setCreationTime(Instant.EPOCH);
        for (RunnerImagePlan.Layer layer : plan.layers()) {
            FileEntriesLayer.Builder files = FileEntriesLayer.builder().setName(layer.name());
            for (Path file : layer.files()) files.addEntry(file, AbsoluteUnixPath.get(layer.directory() + "/" + file.getFileName()));
            builder.addFileEntriesLayer(files.build());
        }
        return builder;
    }

    /** Where an image goes: a registry repository with credentials. */
    public record Target(String repositoryUri, String username, String password, boolean allowInsecure) {
        public static Target withCredentials(String repositoryUri, String username, String password) {
            return new Target(repositoryUri, username, password, false);
        }

        @Override
        public String toString() {
            return repositoryUri;
        }
    }

    /** What was pushed: the digest of the image index (or of the image, for a single architecture) and the tags. */
    public record PushedImage(String repositoryUri, String digest, List<String> tags) {
        /** {@code <repository>@<digest>} */
        public String reference() {
            return repositoryUri + "@" + digest;
        }
    }

    /**
     * Builds the plan's image and pushes it to {@code target} with every tag of the plan, reporting Jib's progress
     * messages on {@code log}.
     *
     * @throws ImageBuildException naming the image and what failed (e.g. the registry's refusal)
     */
    public static PushedImage push(RunnerImagePlan plan, Target target, PrintWriter log) {
        if (plan.tags().isEmpty()) throw new IllegalArgumentException("The runner image needs at least one tag");
        try {
            RegistryImage to = RegistryImage.named(target.repositoryUri() + ":" + plan.tags().get(0)).addCredential(target.username(),
                    target.password());
            Containerizer containerizer = Containerizer.to(to).setToolName(TOOL_NAME).setAllowInsecureRegistries(target.allowInsecure())
                    .addEventHandler(LogEvent.class, event -> {
                        if (event.getLevel() == LogEvent.Level.LIFECYCLE || event.getLevel() == LogEvent.Level.WARN
                                || event.getLevel() == LogEvent.Level.ERROR) {
                            { log.println("  jib: " + event.getMessage()); log.flush(); }
                        }
                    });
            plan.tags().stream().skip(1).forEach(containerizer::withAdditionalTag);
            JibContainer container = containerBuilder(plan, Jib.from(plan.baseImage())).containerize(containerizer);
            return new PushedImage(target.repositoryUri(), container.getDigest().toString(), plan.tags());
        } catch (InvalidImageReferenceException e) {
            throw new ImageBuildException("The image reference is not valid: " + e.getMessage() + " (base " + plan.baseImage() + ", target "
                    + target + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Interrupted while building the runner image for " + target, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ImageBuildException("Building the runner image from " + plan.baseImage() + " for " + plan.platforms() + " and pushing it to "
                    + target + " failed: " + describe(cause), cause);
        } catch (RegistryException | IOException | CacheDirectoryCreationException e) {
            throw new ImageBuildException("Building the runner image from " + plan.baseImage() + " for " + plan.platforms() + " and pushing it to "
                    + target + " failed: " + describe(e), e);
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** The runner image could not be built or pushed. */
    public static final class ImageBuildException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ImageBuildException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package dev.awstestharness.installer.image;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A CPU architecture of the runner image, named as ECS names it ({@code RuntimePlatform.CpuArchitecture}). */
public enum Architecture {
    ARM64("arm64"),
    X86_64("amd64");

    private final String ociName;

    Architecture(String ociName) {
        this.ociName = ociName;
    }

    /** The name in image manifests: {@code arm64} or {@code amd64}. */
    public String ociName() {
        return ociName;
    }

    /** {@code ARM64} / {@code X86_64}, or the image names {@code arm64} / {@code amd64}, in any case. */
    public static Architecture parse(String text) {
        String value = text == null ? "" : text.strip();
        for (Architecture architecture : values()) {
            if (architecture.name().equalsIgnoreCase(value) || architecture.ociName.equalsIgnoreCase(value)) return architecture;
        }
        throw new IllegalArgumentException("Unknown architecture '" + text + "': expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + " (or " + Arrays.stream(values())
                        .map(Architecture::ociName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return name() + " (linux/" + ociName + ")";
    }
}

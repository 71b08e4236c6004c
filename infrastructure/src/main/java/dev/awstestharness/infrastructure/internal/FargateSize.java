package dev.awstestharness.infrastructure.internal;

/**
 * The CPU units and memory of a Fargate task with {@code containers} containers: a quarter vCPU and 512 MiB per
 * container (the JVM runner's comfortable minimum), rounded up to a CPU size Fargate offers, with twice as many MiB
 * as CPU units (valid for every Fargate CPU size).
 */
public record FargateSize(int cpu, int memory) {
    private static final int[] CPU_SIZES = {256, 512, 1024, 2048, 4096};
    static final int CPU_PER_CONTAINER = 256;

    public static FargateSize forContainers(int containers) {
        if (containers < 1) throw new IllegalArgumentException("A task has at least one container, not " + containers);
        int needed = CPU_PER_CONTAINER * containers;
        for (int cpu : CPU_SIZES) {
            if (cpu >= needed) return new FargateSize(cpu, cpu * 2);
        }
        throw new IllegalArgumentException(containers + " containers need " + needed + " CPU units; a Fargate task has at most 4096");
    }
}

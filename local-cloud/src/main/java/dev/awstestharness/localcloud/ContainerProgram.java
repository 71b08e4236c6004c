package dev.awstestharness.localcloud;

/**
 * What a container image runs in the local cloud's ECS: a program in the test JVM instead of a process in a container.
 * Register one per image with {@link LocalCloud.Builder#containerImage(String, ContainerProgram)}; every container of a
 * task runs its image's program on a thread of its own, concurrently with the task's other containers.
 *
 * <p>How a run ends, in the terms of ECS and Docker:
 * <ul>
 *   <li>returning {@code n} is the container exiting with exit code {@code n};</li>
 *   <li>throwing is exit code 1, and the exception (its class and message) becomes the container's {@code reason};</li>
 *   <li>when the task stops (StopTask, an essential container exited, the calling state timed out or its execution was
 *       stopped), the program is told as a process is sent SIGTERM: {@link ContainerContext#isStopping()} turns true
 *       and its thread is interrupted. A program that then returns {@code n} exits with {@code n} (it handled the
 *       signal); one that throws ({@code InterruptedException} from a blocking call, say) exits with 143, as a process
 *       that the signal terminated. A program that waits in {@link ContainerContext#awaitStopping} handles the signal
 *       there: the interrupt is cleared, so that it can clean up and return its exit code;</li>
 *   <li>a program still running when the container's {@code stopTimeout} (30 seconds unless the task definition says
 *       otherwise) has passed is recorded as killed (exit code 137, as after SIGKILL). A thread cannot be killed: it is
 *       interrupted once more and abandoned, and whatever it returns later is ignored.</li>
 * </ul>
 */
@FunctionalInterface
public interface ContainerProgram {
    /**
     * Runs the container until it exits.
     *
     * @return the container's exit code; 0 is success
     * @throws Exception to exit with code 1 (or 143 while the task is stopping), the exception becoming the reason
     */
    int run(ContainerContext context) throws Exception;
}

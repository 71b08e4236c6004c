package dev.awstestharness.asl.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a Task state does with its resource: call a service and produce the task's result. The interpreter handles
 * the integration patterns around it: it creates and tracks task tokens, applies TimeoutSeconds and HeartbeatSeconds,
 * and cancels the returned future when the task times out or its execution stops (an integration that started a job
 * should stop it then).
 *
 * <p>For {@link IntegrationPattern#RUN_JOB} the future completes when the job ends; for
 * {@link IntegrationPattern#WAIT_FOR_TASK_TOKEN} it completes when the request has been made, and the task then waits
 * for its token. A failure is a {@link dev.awstestharness.asl.StatesError} (thrown or as the future's exception),
 * whose error and cause the state fails with. The method must not block: work that waits belongs on another thread.
 */
@FunctionalInterface
public interface ServiceIntegration {
    CompletableFuture<JsonNode> invoke(TaskRequest request);

    /** The patterns this integration supports; a Task asking for another one fails with a clear error. */
    default Set<IntegrationPattern> patterns() {
        return EnumSet.of(IntegrationPattern.REQUEST_RESPONSE);
    }
}

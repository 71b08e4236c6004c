package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.asl.Execution;
import dev.awstestharness.asl.ExecutionStatus;
import dev.awstestharness.localcloud.internal.stepfunctions.StepFunctionsService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Memory stays bounded under long use: finished executions beyond the retention limit are dropped. */
class RetentionTest {
    private static final int EXECUTIONS = 100_000;
    private static final int RETAINED = 1_000;
    private static final int BATCH = 250;
    private static final long ALLOWED_GROWTH_BYTES = 8L * 1024 * 1024;

    @Test
    void heapStaysFlatOverOneHundredThousandExecutionsWhenOnlyOneThousandAreRetained() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().waitScale(0).maxFinishedExecutions(RETAINED).start()) {
            StepFunctionsService service = cloud.stepFunctions();
            String machine = service.invoke("CreateStateMachine", request(
                    "name", "Small",
                    "roleArn", Sfn.ROLE,
                    "definition", """
                            {"StartAt":"Check","States":{
                              "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEquals":0,"Next":"Tag"}],"Default":"Bad"},
                              "Tag":{"Type":"Pass","Result":{"ok":true},"ResultPath":"$.result","Next":"Done"},
                              "Bad":{"Type":"Fail","Error":"Negative"},
                              "Done":{"Type":"Succeed"}}}""")).join().get("stateMachineArn").textValue();

            long began = System.nanoTime();
            long heapAtTenPercent = 0;
            for (int done = 0; done < EXECUTIONS; done += BATCH) {
                List<CompletableFuture<Execution>> batch = new ArrayList<>(BATCH);
                for (int i = done; i < done + BATCH; i++) {
                    String arn = service.invoke("StartExecution", request("stateMachineArn", machine, "input", "{\"i\":" + i + "}"))
                            .join().get("executionArn").textValue();
                    batch.add(service.execution(arn).orElseThrow().completion());
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                assertThat(batch).allSatisfy(completion -> assertThat(completion.join().status()).isEqualTo(ExecutionStatus.SUCCEEDED));
                if (done + BATCH == EXECUTIONS / 10) heapAtTenPercent = usedHeapAfterGc();
            }
            long heapAtEnd = usedHeapAfterGc();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);

            System.out.printf("RetentionTest: %,d executions in %d s; used heap after GC at 10%%: %,d bytes, at 100%%: %,d bytes (growth %,d bytes); "
                    + "executions kept: %,d%n", EXECUTIONS, seconds, heapAtTenPercent, heapAtEnd, heapAtEnd - heapAtTenPercent,
                    service.executionCount());
            assertThat(service.finishedExecutionCount()).isLessThanOrEqualTo(RETAINED);
            assertThat(service.executionCount()).isLessThanOrEqualTo(RETAINED);
            assertThat(heapAtEnd - heapAtTenPercent).as("heap growth between 10%% and 100%% of the executions").isLessThan(ALLOWED_GROWTH_BYTES);
            ObjectNode listed = service.invoke("ListExecutions", request("stateMachineArn", machine, "maxResults", "1000")).join();
            assertThat(listed.get("executions").size()).isEqualTo(RETAINED);
            assertThat(listed.get("executions").get(0).get("name").textValue())
                    .as("the newest are kept").isEqualTo(service.execution(listed.get("executions").get(0).get("executionArn").textValue())
                            .orElseThrow().request().executionName());
        }
    }

    private static ObjectNode request(String... fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equals("maxResults")) node.put(fields[i], Integer.parseInt(fields[i + 1]));
            else node.put(fields[i], fields[i + 1]);
        }
        return node;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }
}

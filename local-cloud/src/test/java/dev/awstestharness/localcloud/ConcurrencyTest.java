package dev.awstestharness.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

class ConcurrencyTest {
    @Test
    void twoHundredExecutionsStartedFromEightThreadsAllSucceedWithTheirOwnOutputs() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().waitScale(0).start(); SfnClient sfn = Sfn.client(cloud)) {
            String machine = Sfn.create(sfn, """
                    {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":5,"Next":"Double"},
                     "Double":{"Type":"Pass","Parameters":{"value.$":"States.MathAdd($.value, $.value)"},"End":true}}}""");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            Map<Integer, String> executions = new ConcurrentHashMap<>();
            List<Future<?>> starts = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int first = thread * 25;
                starts.add(pool.submit(() -> {
                    for (int i = first; i < first + 25; i++) {
                        int value = i;
                        executions.put(i, sfn.startExecution(r -> r.stateMachineArn(machine).name("exec-" + value)
                                .input("{\"value\":" + value + "}")).executionArn());
                    }
                }));
            }
            for (Future<?> start : starts) start.get(30, TimeUnit.SECONDS);
            pool.shutdown();

            assertThat(executions).hasSize(200);
            for (Map.Entry<Integer, String> execution : executions.entrySet()) {
                DescribeExecutionResponse described = Sfn.await(sfn, execution.getValue());
                assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
                assertThat(described.output()).isEqualTo("{\"value\":" + (2 * execution.getKey()) + "}");
            }
            List<ExecutionListItem> listed = new ArrayList<>();
            sfn.listExecutionsPaginator(r -> r.stateMachineArn(machine)).executions().forEach(listed::add);
            assertThat(listed).hasSize(200).allSatisfy(item -> assertThat(item.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
        }
    }
}

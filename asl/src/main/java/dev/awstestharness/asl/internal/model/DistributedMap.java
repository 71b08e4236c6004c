package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.internal.jsonata.JsonataTemplate;
import dev.awstestharness.asl.internal.template.PayloadTemplate;
import java.util.List;

/**
 * The fields of a distributed Map: where items are read from (ItemReader), how they are grouped (ItemBatcher) and
 * where results are written (ResultWriter); each part {@code null} when absent. Parameters are a JSONPath template or
 * a JSONata one (Arguments), depending on the state's query language.
 */
public record DistributedMap(String label, ExecutionType executionType, ItemReader itemReader, ItemBatcher itemBatcher,
        ResultWriter resultWriter) {

    public enum ExecutionType {
        STANDARD,
        EXPRESS
    }

    /** Parameters of a reader or writer in either query language. */
    public record Arguments(PayloadTemplate jsonPath, JsonataTemplate jsonata) {
        public static final Arguments NONE = new Arguments(null, null);
    }

    public record ItemReader(String resource, Arguments arguments, String inputType, String csvHeaderLocation, List<String> csvHeaders,
            String csvDelimiter, IntegerField maxItems) {}

    public record ItemBatcher(IntegerField maxItemsPerBatch, IntegerField maxInputBytesPerBatch, Arguments batchInput) {}

    public record ResultWriter(String resource, Arguments arguments, String outputType, String transformation) {}
}

package dev.awstestharness.asl.internal.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.internal.model.DistributedMap;
import dev.awstestharness.asl.internal.model.IntegerField;
import dev.awstestharness.asl.internal.model.QueryLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the distributed Map's ItemReader, ItemBatcher and ResultWriter. */
final class DistributedMapParser {
    static final String S3_GET_OBJECT = "arn:aws:states:::s3:getObject";
    static final String S3_LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    static final String S3_PUT_OBJECT = "arn:aws:states:::s3:putObject";

    private final ObjectReader state;
    private final QueryLanguage language;

    DistributedMapParser(ObjectReader state, QueryLanguage language) {
        this.state = state;
        this.language = language;
    }

    DistributedMap parse(DistributedMap.ExecutionType executionType) {
        String label = state.string("Label", false);
        if (label != null && !label.matches("[^\\s:/\"<>{}\\[\\]?*`#%^|~\\\\]{1,40}")) {
            state.problems().schema(state.pointer("Label"), "A Label must be 1 to 40 characters without spaces or any of :/\"<>{}[]?*`#%^|~\\");
        }
        return new DistributedMap(label, executionType, itemReader(), itemBatcher(), resultWriter());
    }

    private ObjectReader object(String field) {
        JsonNode node = state.raw(field);
        if (node == null) return null;
        if (!node.isObject()) {
            state.problems().schema(state.pointer(field), "Expected value of type: Object");
            return null;
        }
        return new ObjectReader(node, state.pointer(field), state.problems());
    }

    private DistributedMap.Arguments arguments(ObjectReader reader, String jsonPathField) {
        String wrong = language == QueryLanguage.JSONATA ? jsonPathField : "Arguments";
        if (reader.has(wrong)) {
            reader.problems().schema(reader.pointer(wrong), "The field '" + wrong + "' is not supported in " + language.aslName() + " states");
        }
        if (language == QueryLanguage.JSONATA) {
            return reader.has("Arguments") ? new DistributedMap.Arguments(null, reader.jsonata("Arguments")) : DistributedMap.Arguments.NONE;
        }
        return reader.has(jsonPathField) ? new DistributedMap.Arguments(reader.template(jsonPathField), null) : DistributedMap.Arguments.NONE;
    }

    private DistributedMap.ItemReader itemReader() {
        ObjectReader reader = object("ItemReader");
        if (reader == null) return null;
        reader.checkFields(Set.of("Resource", "ReaderConfig", "Parameters", "Arguments"), Set.of(), "an ItemReader");
        String resource = reader.string("Resource", true);
        if (resource != null && !resource.equals(S3_GET_OBJECT) && !resource.equals(S3_LIST_OBJECTS)) {
            reader.problems().schema(reader.pointer("Resource"),
                    "The ItemReader resource must be " + S3_GET_OBJECT + " or " + S3_LIST_OBJECTS + " but was '" + resource + "'");
        }
        JsonNode configNode = reader.raw("ReaderConfig");
        ObjectReader config = configNode != null && configNode.isObject()
                ? new ObjectReader(configNode, reader.pointer("ReaderConfig"), reader.problems())
                : new ObjectReader(dev.awstestharness.asl.internal.json.Json.object(), reader.pointer("ReaderConfig"), reader.problems());
        config.checkFields(Set.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath", "ManifestType"),
                Set.of(), "a ReaderConfig");
        String inputType = config.string("InputType", false);
        if (S3_GET_OBJECT.equals(resource)) {
            if (inputType == null) {
                reader.problems().schema(reader.pointer("ReaderConfig"), "An ItemReader on s3:getObject needs a ReaderConfig InputType");
            } else if (!Set.of("JSON", "JSONL", "CSV").contains(inputType)) {
                reader.problems().add(inputType.equals("MANIFEST") || inputType.equals("PARQUET") ? Problems.UNSUPPORTED : Problems.SCHEMA,
                        "The InputType must be one of JSON, JSONL, CSV (MANIFEST and PARQUET are not supported by this local interpreter yet) but was '"
                                + inputType + "'", config.pointer("InputType"));
            }
        }
        String headerLocation = config.string("CSVHeaderLocation", false);
        List<String> headers = new ArrayList<>();
        JsonNode headersNode = config.raw("CSVHeaders");
        if (headersNode != null) headersNode.forEach(header -> headers.add(header.asText()));
        if ("CSV".equals(inputType)) {
            if (headerLocation == null || !(headerLocation.equals("FIRST_ROW") || headerLocation.equals("GIVEN"))) {
                config.problems().schema(config.pointer("CSVHeaderLocation"), "A CSV reader needs CSVHeaderLocation FIRST_ROW or GIVEN");
            } else if (headerLocation.equals("GIVEN") && headers.isEmpty()) {
                config.problems().schema(config.pointer("CSVHeaders"), "CSVHeaderLocation GIVEN needs a non-empty CSVHeaders array");
            }
        }
        String delimiter = config.string("CSVDelimiter", false);
        if (delimiter != null && !Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB").contains(delimiter)) {
            config.problems().schema(config.pointer("CSVDelimiter"), "The CSVDelimiter must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB");
        }
        IntegerField maxItems = StateParser.integerField(config, "MaxItems", false, language);
        return new DistributedMap.ItemReader(resource, arguments(reader, "Parameters"), inputType, headerLocation, List.copyOf(headers),
                delimiter == null ? "COMMA" : delimiter, maxItems);
    }

    private DistributedMap.ItemBatcher itemBatcher() {
        ObjectReader batcher = object("ItemBatcher");
        if (batcher == null) return null;
        batcher.checkFields(Set.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath",
                "BatchInput"), Set.of(), "an ItemBatcher");
        IntegerField maxItems = StateParser.integerField(batcher, "MaxItemsPerBatch", false, language);
        IntegerField maxBytes = StateParser.integerField(batcher, "MaxInputBytesPerBatch", false, language);
        if (!maxItems.isSet() && !maxBytes.isSet()) {
            batcher.problems().schema(batcher.location(), "An ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch");
        }
        DistributedMap.Arguments batchInput = DistributedMap.Arguments.NONE;
        if (batcher.has("BatchInput")) {
            batchInput = language == QueryLanguage.JSONATA
                    ? new DistributedMap.Arguments(null, batcher.jsonata("BatchInput"))
                    : new DistributedMap.Arguments(batcher.template("BatchInput"), null);
        }
        return new DistributedMap.ItemBatcher(maxItems, maxBytes, batchInput);
    }

    private DistributedMap.ResultWriter resultWriter() {
        ObjectReader writer = object("ResultWriter");
        if (writer == null) return null;
        writer.checkFields(Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), Set.of(), "a ResultWriter");
        String resource = writer.string("Resource", false);
        if (resource != null && !resource.equals(S3_PUT_OBJECT)) {
            writer.problems().schema(writer.pointer("Resource"), "The ResultWriter resource must be " + S3_PUT_OBJECT + " but was '" + resource + "'");
        }
        String outputType = "JSON";
        String transformation = "NONE";
        JsonNode config = writer.raw("WriterConfig");
        if (config != null && config.isObject()) {
            ObjectReader writerConfig = new ObjectReader(config, writer.pointer("WriterConfig"), writer.problems());
            writerConfig.checkFields(Set.of("OutputType", "Transformation"), Set.of(), "a WriterConfig");
            String type = writerConfig.string("OutputType", false);
            String transform = writerConfig.string("Transformation", false);
            if (type != null) outputType = type;
            if (transform != null) transformation = transform;
            if (!Set.of("JSON", "JSONL").contains(outputType)) {
                writerConfig.problems().schema(writerConfig.pointer("OutputType"), "The OutputType must be JSON or JSONL");
            }
            if (!Set.of("NONE", "COMPACT", "FLATTEN").contains(transformation)) {
                writerConfig.problems().schema(writerConfig.pointer("Transformation"), "The Transformation must be NONE, COMPACT or FLATTEN");
            }
        }
        if (resource == null) {
            writer.problems().schema(writer.location(), "A ResultWriter needs a Resource");
        }
        return new DistributedMap.ResultWriter(resource, arguments(writer, "Parameters"), outputType, transformation);
    }
}

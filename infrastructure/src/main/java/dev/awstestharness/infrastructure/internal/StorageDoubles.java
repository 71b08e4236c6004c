package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.DoublesDeclaration.KeyAttribute;
import dev.awstestharness.doubles.contract.DoublesDeclaration.Table;
import dev.awstestharness.doubles.contract.GeneratedResources;

/** The S3 bucket and DynamoDB table doubles. */
final class StorageDoubles {
    /** Items that carry this number attribute (epoch seconds) expire; the name is unlikely to clash with the system's own data. */
    static final String TABLE_TTL_ATTRIBUTE = "AWSTestHarnessExpiresAt";

    private StorageDoubles() {}

    static void add(GeneratedTemplate template, DoublesDeclaration declaration) {
        for (String name : declaration.s3Buckets()) {
            String logicalId = GeneratedResources.s3Bucket(name);
            SharedResources.bucket(template, logicalId, "the S3 bucket double '" + name + "'");
            template.output(logicalId + "Name", "The name of the S3 bucket double " + name, Cfn.ref(logicalId), null);
            template.output(logicalId + "Arn", "The ARN of the S3 bucket double " + name, Cfn.getAtt(logicalId, "Arn"), null);
        }
        for (Table table : declaration.dynamoDbTables().values()) {
            String logicalId = GeneratedResources.dynamoDbTable(table.name());
            // DynamoDB encrypts every table at rest (with an AWS owned key unless told otherwise).
            ObjectNode properties = template.resource(logicalId, "AWS::DynamoDB::Table", "the DynamoDB table double '" + table.name() + "'");
            properties.put("BillingMode", "PAY_PER_REQUEST");
            ArrayNode attributes = properties.putArray("AttributeDefinitions");
            ArrayNode keys = properties.putArray("KeySchema");
            key(attributes, keys, table.partitionKey(), "HASH");
            if (table.sortKey() != null) key(attributes, keys, table.sortKey(), "RANGE");
            properties.putObject("TimeToLiveSpecification").put("AttributeName", TABLE_TTL_ATTRIBUTE).put("Enabled", true);
            template.output(logicalId + "Name", "The name of the DynamoDB table double " + table.name(), Cfn.ref(logicalId), null);
            template.output(logicalId + "Arn", "The ARN of the DynamoDB table double " + table.name(), Cfn.getAtt(logicalId, "Arn"), null);
        }
    }

    private static void key(ArrayNode attributes, ArrayNode keys, KeyAttribute key, String keyType) {
        attributes.addObject().put("AttributeName", key.name()).put("AttributeType", key.type());
        keys.addObject().put("AttributeName", key.name()).put("KeyType", keyType);
    }
}

package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.target.CloudFormationStack.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Ref} and {@code Fn::GetAtt} give for a stack's resource, from its physical id (which ListStackResources
 * reports, and which is what {@code Ref} gives for the types below) and the stack's partition, region and account. The
 * attributes are the ones CloudFormation documents, built as it builds them; a type not listed here has its
 * {@code Ref} only.
 */
final class StackResourceValues {
    private final CloudFormationStack stack;

    StackResourceValues(CloudFormationStack stack) {
        this.stack = stack;
    }

    ResourceValues of(Resource resource, String description) {
        String id = resource.physicalId();
        String partition = stack.partition();
        String region = stack.region();
        String account = stack.accountId();
        String arnPrefix = "arn:" + partition + ":";
        List<String> attributes = new ArrayList<>();
        switch (resource.type()) {
            case "AWS::Lambda::Function" -> attributes.addAll(List.of("Arn", arnPrefix + "lambda:" + region + ":" + account + ":function:" + id));
            case "AWS::StepFunctions::StateMachine" -> attributes.addAll(List.of("Arn", id, "Name", id.substring(id.lastIndexOf(':') + 1)));
            case "AWS::S3::Bucket" -> attributes.addAll(List.of("Arn", arnPrefix + "s3:::" + id, "DomainName", id + ".s3." + dnsSuffix(partition),
                    "RegionalDomainName", id + ".s3." + region + "." + dnsSuffix(partition)));
            case "AWS::DynamoDB::Table" -> attributes.addAll(List.of("Arn", arnPrefix + "dynamodb:" + region + ":" + account + ":table/" + id));
            case "AWS::SQS::Queue" -> {
                String queueName = id.substring(id.lastIndexOf('/') + 1);
                attributes.addAll(List.of("Arn", arnPrefix + "sqs:" + region + ":" + account + ":" + queueName, "QueueName", queueName,
                        "QueueUrl", id));
            }
            case "AWS::ECS::Cluster" -> attributes.addAll(List.of("Arn", arnPrefix + "ecs:" + region + ":" + account + ":cluster/" + id));
            case "AWS::ECS::TaskDefinition" -> attributes.addAll(List.of("TaskDefinitionArn", id));
            // The harness's roles are created without a path, so that their ARN is role/<name>.
            case "AWS::IAM::Role" -> attributes.addAll(List.of("Arn", arnPrefix + "iam::" + account + ":role/" + id));
            case "AWS::Logs::LogGroup" -> attributes.addAll(List.of("Arn", arnPrefix + "logs:" + region + ":" + account + ":log-group:" + id + ":*"));
            case "AWS::ECR::Repository" -> attributes.addAll(List.of("Arn", arnPrefix + "ecr:" + region + ":" + account + ":repository/" + id,
                    "RepositoryUri", account + ".dkr.ecr." + region + "." + dnsSuffix(partition) + "/" + id));
            default -> {
                // Ref only
            }
        }
        return ResourceValues.of(resource.logicalId(), resource.type(), description, id, attributes.toArray(String[]::new));
    }

    private static String dnsSuffix(String partition) {
        return partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}

package dev.awstestharness.infrastructure.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.DoublesDeclaration.TaskFamily;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.doubles.contract.HarnessEnvironment;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.List;
import java.util.Map;

/**
 * The ECS task doubles: the parameters that place them (cluster, architecture, network), the cluster (unless an
 * existing one is given), a security group (when a VPC but no security group is given), the task execution role and
 * the task role, and one Fargate task definition per family whose containers all run the runner image.
 */
final class EcsDoubles {
    static final String CREATE_CLUSTER = "AWSTestHarnessCreateECSCluster";
    static final String CREATE_SECURITY_GROUP = "AWSTestHarnessCreateECSSecurityGroup";
    static final String HAS_SUBNETS = "AWSTestHarnessHasECSSubnets";
    static final String HAS_SECURITY_GROUPS = "AWSTestHarnessHasECSSecurityGroups";
    /** Seconds a container may take to exit once its task stops: the runner finishes relaying its own invocation. */
    static final int STOP_TIMEOUT_SECONDS = 10;
    static final String DEFAULT_ARCHITECTURE = "ARM64";

    private EcsDoubles() {}

    static void add(GeneratedTemplate template, DoublesDeclaration declaration, TestDoublesSettings settings) {
        if (declaration.ecsTaskFamilies().isEmpty()) return;
        parameters(template);
        cluster(template);
        securityGroup(template);
        roles(template, settings);
        String image = "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/" + settings.runnerImage().repositoryName() + ":"
                + settings.runnerImage().tag();
        for (TaskFamily family : declaration.ecsTaskFamilies().values()) taskDefinition(template, family, image, settings);
    }

    private static void parameters(GeneratedTemplate template) {
        template.parameter(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, "String", "",
                "the ECS task doubles: the ARN of an existing cluster to run them in (RunTask with LaunchType FARGATE works in any cluster; without it, the cluster's default capacity provider strategy must use FARGATE); empty: a cluster is created")
                .put("AllowedPattern", "^$|^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}$")
                .put("ConstraintDescription", "must be empty or a cluster ARN such as arn:aws:ecs:eu-west-1:123456789012:cluster/tests");
        template.parameter(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER, "String", DEFAULT_ARCHITECTURE,
                "the ECS task doubles: the CPU architecture of their containers").set("AllowedValues", Cfn.array("ARM64", "X86_64"));
        template.parameter(GeneratedResources.ECS_VPC_ID_PARAMETER, "String", "",
                "the ECS task doubles: the VPC in which a security group allowing outbound HTTPS is created when no security group is given")
                .put("AllowedPattern", "^$|^vpc-[0-9a-f]{8,17}$").put("ConstraintDescription", "must be empty or a VPC id such as vpc-0123456789abcdef0");
        template.parameter(GeneratedResources.ECS_SUBNET_IDS_PARAMETER, "CommaDelimitedList", "",
                "the ECS task doubles: the subnets to run them in (public subnets with AssignPublicIp ENABLED, or private ones with a NAT), "
                        + "passed through to the outputs for RunTask's network configuration");
        template.parameter(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER, "CommaDelimitedList", "",
                "the ECS task doubles: their security groups (they need outbound HTTPS only); empty: one is created in the VPC");
        template.parameter(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER, "String", "ENABLED",
                "the ECS task doubles: whether they get a public IP address (needed in public subnets to reach ECR, SQS, S3 and DynamoDB)")
                .set("AllowedValues", Cfn.array("ENABLED", "DISABLED"));

        template.condition(CREATE_CLUSTER, Cfn.equalsTo(Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER), ""),
                "whether the ECS cluster is created");
        template.condition(CREATE_SECURITY_GROUP, Cfn.and(
                Cfn.equalsTo(Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER)), ""),
                Cfn.not(Cfn.equalsTo(Cfn.ref(GeneratedResources.ECS_VPC_ID_PARAMETER), ""))), "whether the ECS security group is created");

        // Outputs only when there is something to output: an output's value cannot be empty.
        template.condition(HAS_SUBNETS, Cfn.not(Cfn.equalsTo(Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)), "")),
                "whether subnets are given for the ECS task doubles");
        template.condition(HAS_SECURITY_GROUPS, Cfn.or(Cfn.condition(CREATE_SECURITY_GROUP),
                Cfn.not(Cfn.equalsTo(Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER)), ""))),
                "whether the ECS task doubles have security groups");
        template.output("AWSTestHarnessECSNetworkSubnets", "The subnets of the ECS task doubles, comma-separated",
                Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)), HAS_SUBNETS);
        template.output("AWSTestHarnessECSNetworkSecurityGroups", "The security groups of the ECS task doubles, comma-separated",
                Cfn.ifThen(CREATE_SECURITY_GROUP, Cfn.getAtt(GeneratedResources.ECS_SECURITY_GROUP, "GroupId"),
                        Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER))), HAS_SECURITY_GROUPS);
        template.output("AWSTestHarnessECSNetworkAssignPublicIp", "AssignPublicIp for the ECS task doubles",
                Cfn.ref(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER), null);
    }

    private static void cluster(GeneratedTemplate template) {
        ObjectNode cluster = template.resource(GeneratedResources.ECS_CLUSTER, "AWS::ECS::Cluster", "the ECS cluster of the ECS task doubles");
        template.resourceNode(GeneratedResources.ECS_CLUSTER).put("Condition", CREATE_CLUSTER);
        cluster.set("CapacityProviders", Cfn.array("FARGATE"));
        cluster.putArray("DefaultCapacityProviderStrategy").addObject().put("CapacityProvider", "FARGATE").put("Weight", 1);
        cluster.putArray("ClusterSettings").addObject().put("Name", "containerInsights").put("Value", "disabled");
        template.output(GeneratedResources.ECS_CLUSTER + "Arn", "The ARN of the cluster the ECS task doubles run in", clusterArn(), null);
    }

    /** The ARN of the cluster the doubles run in: the created one, or the given one. */
    static ObjectNode clusterArn() {
        return Cfn.ifThen(CREATE_CLUSTER, Cfn.getAtt(GeneratedResources.ECS_CLUSTER, "Arn"), Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER));
    }

    /** The name of the cluster the doubles run in (what {@code Ref} of a cluster gives). */
    static ObjectNode clusterName() {
        return Cfn.ifThen(CREATE_CLUSTER, Cfn.ref(GeneratedResources.ECS_CLUSTER),
                Cfn.select(1, Cfn.split("/", Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER))));
    }

    private static void securityGroup(GeneratedTemplate template) {
        ObjectNode group = template.resource(GeneratedResources.ECS_SECURITY_GROUP, "AWS::EC2::SecurityGroup",
                "the security group of the ECS task doubles");
        template.resourceNode(GeneratedResources.ECS_SECURITY_GROUP).put("Condition", CREATE_SECURITY_GROUP);
        group.put("GroupDescription", "aws-test-harness ECS task doubles: outbound HTTPS only (ECR, SQS, S3, DynamoDB), no inbound");
        group.set("VpcId", Cfn.ref(GeneratedResources.ECS_VPC_ID_PARAMETER));
        group.putArray("SecurityGroupEgress").addObject().put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443)
                .put("CidrIp", "0.0.0.0/0").put("Description", "HTTPS to AWS endpoints and ECR's image layers");
    }

    private static void roles(GeneratedTemplate template, TestDoublesSettings settings) {
        String repositoryArn = "arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/" + settings.runnerImage().repositoryName();
        Iam.role("ecs-tasks.amazonaws.com", "aws-test-harness: ECS pulls the runner image and ships the container logs of the ECS task doubles")
                .policy("PullRunnerImageAndWriteLogs",
                        Iam.statement("PullRunnerImage", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"), List.of(Cfn.sub(repositoryArn))),
                        SharedResources.writeLogsStatement())
                .wildcardStatement("PullRunnerImageAndWriteLogs", "EcrAuthorizationTokenHasNoResourceLevelPermissions",
                        List.of("ecr:GetAuthorizationToken"),
                        "ecr:GetAuthorizationToken supports no resource-level permissions: IAM requires Resource * for it. The token only "
                                + "lets the role use the repository actions its other statements allow (pulling the runner image).")
                .addTo(template, GeneratedResources.ECS_TASK_EXECUTION_ROLE, "the task execution role of the ECS task doubles");
        Iam.role("ecs-tasks.amazonaws.com", "aws-test-harness: the ECS task doubles relay their invocations to the harness")
                .sourceAccountCondition()
                .policy("RelayInvocations", SharedResources.readSessionStatement(), SharedResources.sendInvocationStatement(),
                        SharedResources.readResultsStatement())
                .addTo(template, GeneratedResources.ECS_TASK_ROLE, "the task role of the ECS task doubles");
        template.output(GeneratedResources.ECS_TASK_EXECUTION_ROLE + "Arn", "The task execution role of the ECS task doubles (for iam:PassRole)",
                Cfn.getAtt(GeneratedResources.ECS_TASK_EXECUTION_ROLE, "Arn"), null);
        template.output(GeneratedResources.ECS_TASK_ROLE + "Arn", "The task role of the ECS task doubles (for iam:PassRole)",
                Cfn.getAtt(GeneratedResources.ECS_TASK_ROLE, "Arn"), null);
    }

    private static void taskDefinition(GeneratedTemplate template, TaskFamily family, String image, TestDoublesSettings settings) {
        String logicalId = GeneratedResources.ecsTaskDefinition(family.family());
        FargateSize size = FargateSize.forContainers(family.containers().size());
        ObjectNode task = template.resource(logicalId, "AWS::ECS::TaskDefinition", "the ECS task double '" + family.family() + "'");
        task.set("RequiresCompatibilities", Cfn.array("FARGATE"));
        task.put("NetworkMode", "awsvpc");
        task.put("Cpu", Integer.toString(size.cpu()));
        task.put("Memory", Integer.toString(size.memory()));
        ObjectNode platform = task.putObject("RuntimePlatform").put("OperatingSystemFamily", "LINUX");
        platform.set("CpuArchitecture", Cfn.ref(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER));
        task.set("ExecutionRoleArn", Cfn.getAtt(GeneratedResources.ECS_TASK_EXECUTION_ROLE, "Arn"));
        task.set("TaskRoleArn", Cfn.getAtt(GeneratedResources.ECS_TASK_ROLE, "Arn"));

        Map<String, Object> environment = SharedResources.doubleEnvironment();
        environment.put(HarnessEnvironment.DOUBLE_NAME, family.family());
        environment.put(HarnessEnvironment.RESULT_TIMEOUT_MILLIS, Long.toString(settings.resultTimeoutSeconds() * 1000L));
        ArrayNode containers = task.putArray("ContainerDefinitions");
        for (String name : family.containers()) {
            ObjectNode container = containers.addObject().put("Name", name);
            container.set("Image", Cfn.sub(image));
            container.put("Essential", true);
            container.put("StopTimeout", STOP_TIMEOUT_SECONDS);
            ArrayNode variables = container.putArray("Environment");
            environment.forEach((variable, value) -> variables.add(Cfn.keyValue("Name", variable, "Value", value)));
            ObjectNode logging = container.putObject("LogConfiguration").put("LogDriver", "awslogs");
            ObjectNode options = logging.putObject("Options");
            options.set("awslogs-group", Cfn.ref(GeneratedResources.LOG_GROUP));
            options.set("awslogs-region", Cfn.ref(Cfn.REGION));
            options.put("awslogs-stream-prefix", family.family());
        }

        template.output(logicalId + "Arn", "The task definition ARN (with revision) of the ECS task double " + family.family(), Cfn.ref(logicalId),
                null);
        // arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision> without its last ':'-separated part.
        ObjectNode parts = Cfn.split(":", Cfn.ref(logicalId));
        template.output(logicalId + "ArnWithoutRevision", "The task definition ARN without revision of the ECS task double " + family.family()
                + " (for ecs:RunTask permissions on any revision)", Cfn.join(":", List.of(Cfn.select(0, parts), Cfn.select(1, parts),
                Cfn.select(2, parts), Cfn.select(3, parts), Cfn.select(4, parts), Cfn.select(5, parts))), null);
        template.output(logicalId + "Family", "The task definition family of the ECS task double " + family.family(),
                Cfn.select(1, Cfn.split("/", Cfn.select(5, parts))), null);
    }
}

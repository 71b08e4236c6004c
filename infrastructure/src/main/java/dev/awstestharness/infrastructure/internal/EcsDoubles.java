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
import java.util.Set;

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
    static final String DEFAULT_ASSIGN_PUBLIC_IP = "ENABLED";

    private EcsDoubles() {}

    /**
     * Adds the ECS task doubles. {@code givenSettings} are the settings parameters
     * ({@link GeneratedResources#SETTINGS_PARAMETERS}) that the template has, whose values are known only when the stack
     * is deployed: they are referred to (and, in a stand-alone template, declared). A setting that is not given has its
     * default, written in as a value, and what only matters for other values (an existing cluster, a VPC, subnets, security
     * groups) is left out.
     */
    static void add(GeneratedTemplate template, DoublesDeclaration declaration, TestDoublesSettings settings, Set<String> givenSettings) {
        if (declaration.ecsTaskFamilies().isEmpty()) return;
        Placement placement = new Placement(givenSettings);
        placement.declareParameters(template);
        placement.network(template);
        cluster(template, placement);
        placement.securityGroup(template);
        roles(template, settings);
        String image = "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/" + settings.runnerImage().repositoryName() + ":"
                + settings.runnerImage().tag();
        for (TaskFamily family : declaration.ecsTaskFamilies().values()) taskDefinition(template, family, image, settings, placement);
    }

    /** Where the tasks run: the settings parameters the template has, and what follows from them. */
    private record Placement(Set<String> given) {
        boolean existingClusterPossible() {
            return given.contains(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER);
        }

        boolean securityGroupCreationPossible() {
            return given.contains(GeneratedResources.ECS_VPC_ID_PARAMETER);
        }

        void declareParameters(GeneratedTemplate template) {
            if (given.contains(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER, "String", "",
                        "the ECS task doubles: the ARN of an existing cluster to run them in (RunTask with LaunchType FARGATE works in any cluster; without it, the cluster's default capacity provider strategy must use FARGATE); empty: a cluster is created")
                        .put("AllowedPattern", "^$|^arn:aws[a-zA-Z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9_-]{1,255}$")
                        .put("ConstraintDescription", "must be empty or a cluster ARN such as arn:aws:ecs:eu-west-1:123456789012:cluster/tests");
            }
            if (given.contains(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER, "String", DEFAULT_ARCHITECTURE,
                        "the ECS task doubles: the CPU architecture of their containers").set("AllowedValues", Cfn.array("ARM64", "X86_64"));
            }
            if (given.contains(GeneratedResources.ECS_VPC_ID_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_VPC_ID_PARAMETER, "String", "",
                        "the ECS task doubles: the VPC in which a security group allowing outbound HTTPS is created when no security group is given")
                        .put("AllowedPattern", "^$|^vpc-[0-9a-f]{8,17}$").put("ConstraintDescription", "must be empty or a VPC id such as vpc-0123456789abcdef0");
            }
            if (given.contains(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_SUBNET_IDS_PARAMETER, "CommaDelimitedList", "",
                        "the ECS task doubles: the subnets to run them in (public subnets with AssignPublicIp ENABLED, or private ones with a NAT), "
                                + "passed through to the outputs for RunTask's network configuration");
            }
            if (given.contains(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER, "CommaDelimitedList", "",
                        "the ECS task doubles: their security groups (they need outbound HTTPS only); empty: one is created in the VPC");
            }
            if (given.contains(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER)) {
                template.parameter(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER, "String", DEFAULT_ASSIGN_PUBLIC_IP,
                        "the ECS task doubles: whether they get a public IP address (needed in public subnets to reach ECR, SQS, S3 and DynamoDB)")
                        .set("AllowedValues", Cfn.array("ENABLED", "DISABLED"));
            }
        }

        /** The conditions and outputs of the network; an output's value cannot be empty, so each has a condition. */
        void network(GeneratedTemplate template) {
            boolean groupsGiven = given.contains(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER);
            ObjectNode noGroupsGiven = groupsGiven ? Cfn.equalsTo(Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER)), "") : null;
            if (existingClusterPossible()) {
                template.condition(CREATE_CLUSTER, Cfn.equalsTo(Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER), ""),
                        "whether the ECS cluster is created");
            }
            if (securityGroupCreationPossible()) {
                ObjectNode vpcGiven = Cfn.not(Cfn.equalsTo(Cfn.ref(GeneratedResources.ECS_VPC_ID_PARAMETER), ""));
                template.condition(CREATE_SECURITY_GROUP, groupsGiven ? Cfn.and(noGroupsGiven, vpcGiven) : vpcGiven,
                        "whether the ECS security group is created");
            }
            if (given.contains(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)) {
                template.condition(HAS_SUBNETS, Cfn.not(Cfn.equalsTo(Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)), "")),
                        "whether subnets are given for the ECS task doubles");
                template.output("AWSTestHarnessECSNetworkSubnets", "The subnets of the ECS task doubles, comma-separated",
                        Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SUBNET_IDS_PARAMETER)), HAS_SUBNETS);
            }
            if (groupsGiven && securityGroupCreationPossible()) {
                template.condition(HAS_SECURITY_GROUPS, Cfn.or(Cfn.condition(CREATE_SECURITY_GROUP), Cfn.not(noGroupsGiven)),
                        "whether the ECS task doubles have security groups");
                securityGroupsOutput(template, Cfn.ifThen(CREATE_SECURITY_GROUP, Cfn.getAtt(GeneratedResources.ECS_SECURITY_GROUP, "GroupId"),
                        Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER))), HAS_SECURITY_GROUPS);
            } else if (groupsGiven) {
                template.condition(HAS_SECURITY_GROUPS, Cfn.not(noGroupsGiven), "whether the ECS task doubles have security groups");
                securityGroupsOutput(template, Cfn.join(",", Cfn.ref(GeneratedResources.ECS_SECURITY_GROUP_IDS_PARAMETER)), HAS_SECURITY_GROUPS);
            } else if (securityGroupCreationPossible()) {
                securityGroupsOutput(template, Cfn.getAtt(GeneratedResources.ECS_SECURITY_GROUP, "GroupId"), CREATE_SECURITY_GROUP);
            }
            template.output("AWSTestHarnessECSNetworkAssignPublicIp", "AssignPublicIp for the ECS task doubles",
                    given.contains(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER) ? Cfn.ref(GeneratedResources.ECS_ASSIGN_PUBLIC_IP_PARAMETER)
                            : com.fasterxml.jackson.databind.node.TextNode.valueOf(DEFAULT_ASSIGN_PUBLIC_IP), null);
        }

        private static void securityGroupsOutput(GeneratedTemplate template, ObjectNode value, String condition) {
            template.output("AWSTestHarnessECSNetworkSecurityGroups", "The security groups of the ECS task doubles, comma-separated", value, condition);
        }

        void securityGroup(GeneratedTemplate template) {
            if (!securityGroupCreationPossible()) return;
            ObjectNode group = template.resource(GeneratedResources.ECS_SECURITY_GROUP, "AWS::EC2::SecurityGroup",
                    "the security group of the ECS task doubles");
            template.resourceNode(GeneratedResources.ECS_SECURITY_GROUP).put("Condition", CREATE_SECURITY_GROUP);
            group.put("GroupDescription", "aws-test-harness ECS task doubles: outbound HTTPS only (ECR, SQS, S3, DynamoDB), no inbound");
            group.set("VpcId", Cfn.ref(GeneratedResources.ECS_VPC_ID_PARAMETER));
            group.putArray("SecurityGroupEgress").addObject().put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443)
                    .put("CidrIp", "0.0.0.0/0").put("Description", "HTTPS to AWS endpoints and ECR's image layers");
        }

        com.fasterxml.jackson.databind.JsonNode cpuArchitecture() {
            return given.contains(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER) ? Cfn.ref(GeneratedResources.ECS_CONTAINER_ARCHITECTURE_PARAMETER)
                    : com.fasterxml.jackson.databind.node.TextNode.valueOf(DEFAULT_ARCHITECTURE);
        }
    }

    private static void cluster(GeneratedTemplate template, Placement placement) {
        ObjectNode cluster = template.resource(GeneratedResources.ECS_CLUSTER, "AWS::ECS::Cluster", "the ECS cluster of the ECS task doubles");
        if (placement.existingClusterPossible()) template.resourceNode(GeneratedResources.ECS_CLUSTER).put("Condition", CREATE_CLUSTER);
        cluster.set("CapacityProviders", Cfn.array("FARGATE"));
        cluster.putArray("DefaultCapacityProviderStrategy").addObject().put("CapacityProvider", "FARGATE").put("Weight", 1);
        cluster.putArray("ClusterSettings").addObject().put("Name", "containerInsights").put("Value", "disabled");
        template.output(GeneratedResources.ECS_CLUSTER + "Arn", "The ARN of the cluster the ECS task doubles run in",
                placement.existingClusterPossible() ? clusterArn() : Cfn.getAtt(GeneratedResources.ECS_CLUSTER, "Arn"), null);
    }

    /** The ARN of the cluster the doubles run in when an existing one may be given: the created one, or the given one. */
    static ObjectNode clusterArn() {
        return Cfn.ifThen(CREATE_CLUSTER, Cfn.getAtt(GeneratedResources.ECS_CLUSTER, "Arn"), Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER));
    }

    /** The name of the cluster the doubles run in (what {@code Ref} of a cluster gives) when an existing one may be given. */
    static ObjectNode clusterName() {
        return Cfn.ifThen(CREATE_CLUSTER, Cfn.ref(GeneratedResources.ECS_CLUSTER),
                Cfn.select(1, Cfn.split("/", Cfn.ref(GeneratedResources.ECS_CLUSTER_ARN_PARAMETER))));
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

    private static void taskDefinition(GeneratedTemplate template, TaskFamily family, String image, TestDoublesSettings settings,
            Placement placement) {
        String logicalId = GeneratedResources.ecsTaskDefinition(family.family());
        FargateSize size = FargateSize.forContainers(family.containers().size());
        ObjectNode task = template.resource(logicalId, "AWS::ECS::TaskDefinition", "the ECS task double '" + family.family() + "'");
        task.set("RequiresCompatibilities", Cfn.array("FARGATE"));
        task.put("NetworkMode", "awsvpc");
        task.put("Cpu", Integer.toString(size.cpu()));
        task.put("Memory", Integer.toString(size.memory()));
        ObjectNode platform = task.putObject("RuntimePlatform").put("OperatingSystemFamily", "LINUX");
        platform.set("CpuArchitecture", placement.cpuArchitecture());
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

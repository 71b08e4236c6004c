package dev.awstestharness.installer;

import dev.awstestharness.installer.FakeAwsServer.Request;
import dev.awstestharness.installer.FakeAwsServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One AWS account as the installer sees it, behind a {@link FakeAwsServer}: CloudFormation (one stack that is created
 * and updated through IN_PROGRESS states, or fails as scripted), STS, S3 uploads and ECR tokens. Records what was done,
 * in order.
 */
final class FakeAccount {
    static final String ACCOUNT = "123456789012";
    static final String CALLER = "arn:aws:iam::123456789012:user/developer";
    static final String BUCKET = "aws-test-harness-artifactsbucket-1a2b3c4d5e6f";
    static final String ECR_PASSWORD = "the-ecr-password";

    /** What was done, e.g. {@code CreateStack}, {@code PutObject key}, {@code UpdateStack}. */
    final List<String> operations = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> objects = new LinkedHashMap<>();
    final List<Map<String, String>> deployedParameters = new ArrayList<>();
    final List<String> deployedCapabilities = new ArrayList<>();
    final List<String> deployedRoles = new ArrayList<>();
    final String repositoryUri;
    /** When set, the stack's creation fails with this resource and reason. */
    String failingResource;
    String failureReason;

    private String stackName;
    private String status;
    private final List<String> statusesToCome = new ArrayList<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();

    FakeAccount(String repositoryUri) {
        this.repositoryUri = repositoryUri;
    }

    synchronized Response answer(Request request) {
        String authorization = String.valueOf(request.header("Authorization"));
        if (authorization.contains("/sts/aws4_request")) {
            return Response.xml(200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>" + CALLER + "</Arn><UserId>AIDAEXAMPLE</UserId><Account>" + ACCOUNT + "</Account></GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
        }
        if (authorization.contains("/ecr/aws4_request")) {
            operations.add("GetAuthorizationToken");
            String token = Base64.getEncoder().encodeToString(("AWS:" + ECR_PASSWORD).getBytes(StandardCharsets.UTF_8));
            return Response.json(200, "{\"authorizationData\":[{\"authorizationToken\":\"" + token + "\",\"expiresAt\":1767268800,"
                    + "\"proxyEndpoint\":\"https://" + repositoryUri.substring(0, repositoryUri.indexOf('/')) + "\"}]}");
        }
        if (authorization.contains("/s3/aws4_request")) return s3(request);
        return cloudFormation(request);
    }

    private Response s3(Request request) {
        String query = String.valueOf(request.query());
        if (request.method().equals("GET") && query.contains("versions")) {
            operations.add("ListObjectVersions");
            StringBuilder versions = new StringBuilder();
            objects.keySet().forEach(key -> versions.append("<Version><Key>").append(key)
                    .append("</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><Size>1</Size></Version>"));
            return Response.xml(200, "<ListVersionsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + BUCKET
                    + "</Name><IsTruncated>false</IsTruncated>" + versions + "</ListVersionsResult>");
        }
        if (request.method().equals("POST") && query.contains("delete")) {
            java.util.regex.Matcher keys = java.util.regex.Pattern.compile("<Key>([^<]*)</Key>").matcher(new String(request.payload(), StandardCharsets.UTF_8));
            while (keys.find()) {
                objects.remove(keys.group(1));
                operations.add("DeleteObject " + keys.group(1));
            }
            return Response.xml(200, "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></DeleteResult>");
        }
        String key = request.path().substring(("/" + BUCKET + "/").length());
        operations.add(request.method() + "Object " + key);
        if (request.method().equals("PUT")) objects.put(key, request.payload());
        return new Response(200, "application/xml", "");
    }

    private Response cloudFormation(Request request) {
        String action = request.form("Action");
        switch (action) {
            case "DescribeStacks" -> {
                if (status == null) return Response.queryError(400, "ValidationError", "Stack with id " + request.form("StackName") + " does not exist");
                if (!statusesToCome.isEmpty()) status = statusesToCome.remove(0);
                return Response.xml(200, "<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>" + stackName + "</StackName>"
                        + "<StackId>" + stackId() + "</StackId><StackStatus>" + status + "</StackStatus><CreationTime>2026-01-01T00:00:00Z</CreationTime>"
                        + "<Outputs>" + outputsXml() + "</Outputs></member></Stacks></DescribeStacksResult></DescribeStacksResponse>");
            }
            case "CreateStack" -> {
                operations.add("CreateStack");
                record(request);
                stackName = request.form("StackName");
                if (failingResource != null) {
                    status = "CREATE_IN_PROGRESS";
                    statusesToCome.addAll(List.of("ROLLBACK_IN_PROGRESS", "ROLLBACK_COMPLETE"));
                } else {
                    status = "CREATE_IN_PROGRESS";
                    statusesToCome.addAll(List.of("CREATE_IN_PROGRESS", "CREATE_COMPLETE"));
                    outputs.put("ArtifactsBucketName", BUCKET);
                    outputs.put("RunnerRepositoryName", repositoryUri.substring(repositoryUri.indexOf('/') + 1));
                    outputs.put("RunnerRepositoryUri", repositoryUri);
                }
                return Response.xml(200, "<CreateStackResponse><CreateStackResult><StackId>" + stackId() + "</StackId></CreateStackResult></CreateStackResponse>");
            }
            case "UpdateStack" -> {
                operations.add("UpdateStack");
                record(request);
                status = "UPDATE_IN_PROGRESS";
                statusesToCome.addAll(List.of("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_COMPLETE"));
                outputs.put("MacroName", "AWSTestHarness-TestDoubles");
                return Response.xml(200, "<UpdateStackResponse><UpdateStackResult><StackId>" + stackId() + "</StackId></UpdateStackResult></UpdateStackResponse>");
            }
            case "DeleteStack" -> {
                operations.add("DeleteStack");
                status = "DELETE_IN_PROGRESS";
                statusesToCome.addAll(List.of("DELETE_IN_PROGRESS", "DELETE_COMPLETE"));
                return Response.xml(200, "<DeleteStackResponse><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DeleteStackResponse>");
            }
            case "DescribeStackEvents" -> {
                String events = failingResource == null ? "" : "<member><StackId>" + stackId() + "</StackId><EventId>2</EventId><StackName>" + stackName
                        + "</StackName><LogicalResourceId>" + failingResource + "</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType>"
                        + "<Timestamp>2100-01-01T00:00:01Z</Timestamp><ResourceStatus>CREATE_FAILED</ResourceStatus><ResourceStatusReason>"
                        + failureReason + "</ResourceStatusReason></member>";
                return Response.xml(200, "<DescribeStackEventsResponse><DescribeStackEventsResult><StackEvents>" + events
                        + "</StackEvents></DescribeStackEventsResult></DescribeStackEventsResponse>");
            }
            default -> {
                return Response.queryError(400, "InvalidAction", "Unexpected action " + action);
            }
        }
    }

    private void record(Request request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; request.form("Parameters.member." + i + ".ParameterKey") != null; i++) {
            parameters.put(request.form("Parameters.member." + i + ".ParameterKey"), request.form("Parameters.member." + i + ".ParameterValue"));
        }
        deployedParameters.add(parameters);
        List<String> capabilities = new ArrayList<>();
        for (int i = 1; request.form("Capabilities.member." + i) != null; i++) capabilities.add(request.form("Capabilities.member." + i));
        deployedCapabilities.add(String.join(",", capabilities));
        deployedRoles.add(String.valueOf(request.form("RoleARN")));
    }

    private String stackId() {
        return "arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":stack/" + stackName + "/0a1b2c3d";
    }

    private String outputsXml() {
        StringBuilder xml = new StringBuilder();
        outputs.forEach((key, value) -> xml.append("<member><OutputKey>").append(key).append("</OutputKey><OutputValue>").append(value)
                .append("</OutputValue></member>"));
        return xml.toString();
    }
}

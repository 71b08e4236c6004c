package dev.awstestharness.harness.internal.target;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudFormation's DescribeStacks and ListStackResources, and STS's AssumeRole, as the AWS query protocol documents
 * them (form-encoded POST, XML answers and errors), on 127.0.0.1: the part of AWS the aws target reads before it talks
 * to the services, which tests point at a local cloud. ListStackResources pages its answers ({@link #pageSize}).
 */
final class FakeCloudFormation implements AutoCloseable {
    static final String CFN_NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String SESSION_ACCESS_KEY = "ASIAHARNESSSESSION01";

    /** One request: its action, its form parameters, and the access key id that signed it. */
    record Request(String action, Map<String, String> parameters, String accessKeyId) {}

    record Resource(String logicalId, String physicalId, String type, String status) {}

    /** A stack; {@code status} and {@code statusReason} may be changed by a test. */
    static final class Stack {
        final String name;
        final String stackId;
        volatile String status = "UPDATE_COMPLETE";
        volatile String statusReason;
        final Map<String, String> parameters = new LinkedHashMap<>();
        final List<Resource> resources = new CopyOnWriteArrayList<>();

        Stack(String name, String region, String accountId) {
            this.name = name;
            this.stackId = "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + name + "/" + UUID.randomUUID();
        }

        Stack resource(String logicalId, String physicalId, String type) {
            resources.removeIf(resource -> resource.logicalId().equals(logicalId));
            resources.add(new Resource(logicalId, physicalId, type, "CREATE_COMPLETE"));
            return this;
        }

        Stack without(String logicalId) {
            resources.removeIf(resource -> resource.logicalId().equals(logicalId));
            return this;
        }
    }

    private final HttpServer server;
    private final String region;
    private final String accountId;
    private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile int pageSize = 4;
    /** When set, AssumeRole answers AccessDenied with this message. */
    volatile String assumeRoleDenied;

    FakeCloudFormation(String region, String accountId) throws IOException {
        this.region = region;
        this.accountId = accountId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Stack stack(String name) {
        return stacks.computeIfAbsent(name, ignored -> new Stack(name, region, accountId));
    }

    void remove(String name) {
        stacks.remove(name);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String action) {
        return requests.stream().filter(request -> request.action().equals(action)).toList();
    }

    private Stack find(String nameOrId) {
        for (Stack stack : stacks.values()) {
            if (stack.name.equals(nameOrId) || stack.stackId.equals(nameOrId)) return stack;
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            requests.add(new Request(action, form, accessKeyId(exchange.getRequestHeaders().getFirst("Authorization"))));
            switch (action) {
                case "DescribeStacks" -> describeStacks(exchange, form);
                case "ListStackResources" -> listStackResources(exchange, form);
                case "AssumeRole" -> assumeRole(exchange, form);
                default -> error(exchange, CFN_NAMESPACE, 400, "InvalidAction", "The action " + action + " is not valid for this web service.");
            }
        }
    }

    private void describeStacks(HttpExchange exchange, Map<String, String> form) throws IOException {
        String name = form.get("StackName");
        Stack stack = find(name);
        if (stack == null) {
            error(exchange, CFN_NAMESPACE, 400, "ValidationError", "Stack with id " + name + " does not exist");
            return;
        }
        StringBuilder xml = new StringBuilder("<DescribeStacksResponse xmlns=\"" + CFN_NAMESPACE + "\"><DescribeStacksResult><Stacks><member>");
        element(xml, "StackId", stack.stackId);
        element(xml, "StackName", stack.name);
        element(xml, "CreationTime", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        element(xml, "StackStatus", stack.status);
        if (stack.statusReason != null) element(xml, "StackStatusReason", stack.statusReason);
        xml.append("<Parameters>");
        stack.parameters.forEach((key, value) -> {
            xml.append("<member>");
            element(xml, "ParameterKey", key);
            element(xml, "ParameterValue", value);
            xml.append("</member>");
        });
        xml.append("</Parameters></member></Stacks></DescribeStacksResult>");
        metadata(xml);
        xml.append("</DescribeStacksResponse>");
        send(exchange, 200, xml.toString());
    }

    private void listStackResources(HttpExchange exchange, Map<String, String> form) throws IOException {
        String name = form.get("StackName");
        Stack stack = find(name);
        if (stack == null) {
            error(exchange, CFN_NAMESPACE, 400, "ValidationError", "Stack with id " + name + " does not exist");
            return;
        }
        int from = form.containsKey("NextToken") ? Integer.parseInt(form.get("NextToken")) : 0;
        List<Resource> all = new ArrayList<>(stack.resources);
        int to = Math.min(all.size(), from + pageSize);
        StringBuilder xml = new StringBuilder("<ListStackResourcesResponse xmlns=\"" + CFN_NAMESPACE + "\"><ListStackResourcesResult>"
                + "<StackResourceSummaries>");
        for (Resource resource : all.subList(from, to)) {
            xml.append("<member>");
            element(xml, "LogicalResourceId", resource.logicalId());
            if (resource.physicalId() != null) element(xml, "PhysicalResourceId", resource.physicalId());
            element(xml, "ResourceType", resource.type());
            element(xml, "LastUpdatedTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            element(xml, "ResourceStatus", resource.status());
            xml.append("</member>");
        }
        xml.append("</StackResourceSummaries>");
        if (to < all.size()) element(xml, "NextToken", Integer.toString(to));
        xml.append("</ListStackResourcesResult>");
        metadata(xml);
        xml.append("</ListStackResourcesResponse>");
        send(exchange, 200, xml.toString());
    }

    private void assumeRole(HttpExchange exchange, Map<String, String> form) throws IOException {
        String denied = assumeRoleDenied;
        if (denied != null) {
            error(exchange, STS_NAMESPACE, 403, "AccessDenied", denied);
            return;
        }
        String role = form.get("RoleArn");
        String session = form.get("RoleSessionName");
        StringBuilder xml = new StringBuilder("<AssumeRoleResponse xmlns=\"" + STS_NAMESPACE + "\"><AssumeRoleResult><Credentials>");
        element(xml, "AccessKeyId", SESSION_ACCESS_KEY);
        element(xml, "SecretAccessKey", "session-secret");
        element(xml, "SessionToken", "session-token-for-" + session);
        element(xml, "Expiration", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        xml.append("</Credentials><AssumedRoleUser>");
        String roleName = role.substring(role.lastIndexOf('/') + 1);
        element(xml, "Arn", "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + session);
        element(xml, "AssumedRoleId", "AROAHARNESSROLE:" + session);
        xml.append("</AssumedRoleUser></AssumeRoleResult>");
        metadata(xml);
        xml.append("</AssumeRoleResponse>");
        send(exchange, 200, xml.toString());
    }

    private static void error(HttpExchange exchange, String namespace, int status, String code, String message) throws IOException {
        StringBuilder xml = new StringBuilder("<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type>");
        element(xml, "Code", code);
        element(xml, "Message", message);
        xml.append("</Error>");
        element(xml, "RequestId", UUID.randomUUID().toString());
        xml.append("</ErrorResponse>");
        send(exchange, status, xml.toString());
    }

    private static void metadata(StringBuilder xml) {
        xml.append("<ResponseMetadata>");
        element(xml, "RequestId", UUID.randomUUID().toString());
        xml.append("</ResponseMetadata>");
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</").append(name).append('>');
    }

    private static void send(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) return form;
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    /** The access key id of a SigV4 Authorization header ({@code ... Credential=AKID/date/region/service/aws4_request, ...}). */
    private static String accessKeyId(String authorization) {
        if (authorization == null) return null;
        int credential = authorization.indexOf("Credential=");
        if (credential < 0) return null;
        int slash = authorization.indexOf('/', credential);
        return authorization.substring(credential + "Credential=".length(), slash);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

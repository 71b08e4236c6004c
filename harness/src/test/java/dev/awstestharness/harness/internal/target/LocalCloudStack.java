package dev.awstestharness.harness.internal.target;

import dev.awstestharness.harness.internal.declaration.Declaration;
import dev.awstestharness.harness.internal.declaration.DeclarationReader;
import dev.awstestharness.harness.internal.declaration.ResourceValues;
import dev.awstestharness.harness.internal.declaration.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A template's stack "on AWS", offline: the local target deploys the doubles, shared resources and state machines
 * under test into a local cloud (as the macro and CloudFormation do on AWS), and {@link FakeCloudFormation} describes a
 * stack whose resources are those, with their physical ids. {@link #connections()} is what the aws target uses to
 * reach it: CloudFormation and STS on the fake, every other service on the local cloud, and an AWS config file with
 * the profile {@value #PROFILE}.
 */
final class LocalCloudStack implements AutoCloseable {
    static final String PROFILE = "harness-test";
    static final String PROFILE_ACCESS_KEY = "AKIDHARNESSPROFILE01";
    static final String PROFILE_WITHOUT_CREDENTIALS = "no-credentials";

    /** The local target that deployed the stack's resources; {@code null} for a {@linkplain #deployRendered rendered} stack. */
    final LocalTarget local;
    final FakeCloudFormation cloudFormation;
    final FakeCloudFormation.Stack stack;
    final String stackName;
    private final Declaration declaration;
    private final URI cloudEndpoint;
    private final SdkClients services;
    /** Logical id to {physical id, type}, as CloudFormation lists the stack's resources. */
    private final Map<String, String[]> deployed;
    private final Runnable undeploy;
    private final Path configFile;

    private LocalCloudStack(LocalTarget local, Declaration declaration, URI cloudEndpoint, SdkClients services, Map<String, String[]> deployed,
            Runnable undeploy, String stackName) throws IOException {
        this.local = local;
        this.declaration = declaration;
        this.cloudEndpoint = cloudEndpoint;
        this.services = services;
        this.deployed = deployed;
        this.undeploy = undeploy;
        this.cloudFormation = new FakeCloudFormation(LocalTarget.REGION, LocalTarget.ACCOUNT_ID);
        this.stackName = stackName;
        this.stack = cloudFormation.stack(stackName);
        this.configFile = Files.createTempFile("aws-test-harness-config", "");
        Files.writeString(configFile, "[profile " + PROFILE + "]\n"
                + "aws_access_key_id = " + PROFILE_ACCESS_KEY + "\n"
                + "aws_secret_access_key = profile-secret\n"
                + "region = " + LocalTarget.REGION + "\n"
                + "[profile " + PROFILE_WITHOUT_CREDENTIALS + "]\n"
                + "region = eu-central-1\n");
        restoreResources();
    }

    /** Makes the stack's resources those that were deployed again (after a test changed them). */
    void restoreResources() {
        deployed.forEach((logicalId, resource) -> stack.resource(logicalId, resource[0], resource[1]));
    }

    /**
     * Deploys a template (a classpath resource) into a local cloud with the local target, which creates the doubles as
     * the macro would, and describes it as the stack {@code stackName}.
     */
    static LocalCloudStack deploy(String template, String stackName) {
        Declaration declaration = DeclarationReader.read(TemplateSource.locate(template, Path.of(""), LocalCloudStack.class.getClassLoader()));
        LocalTarget local = LocalTarget.start(declaration, 0);
        Map<String, String[]> deployed = new LinkedHashMap<>();
        for (ResourceValues resource : local.resources().byLogicalId().values()) {
            deployed.put(resource.logicalId(), new String[] {resource.refText(), deployedType(resource.type())});
        }
        return describe(() -> new LocalCloudStack(local, declaration, local.cloud().endpoint(), local.clients(), deployed, local::close, stackName),
                local::close);
    }

    /**
     * Renders a template (a classpath resource) with the macro's generator, deploys the rendered template's resources
     * into a local cloud ({@link RenderedStack}) and describes them as the stack {@code stackName}.
     */
    static LocalCloudStack deployRendered(String template, String stackName) {
        TemplateSource source = TemplateSource.locate(template, Path.of(""), LocalCloudStack.class.getClassLoader());
        Declaration declaration = DeclarationReader.read(source);
        Path file;
        try {
            file = Path.of(LocalCloudStack.class.getClassLoader().getResource(template).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        RenderedStack rendered = RenderedStack.deploy(file, stackName);
        Map<String, String[]> deployed = new LinkedHashMap<>();
        rendered.resources.forEach((logicalId, resource) -> deployed.put(logicalId, new String[] {resource.physicalId(), resource.type()}));
        return describe(() -> new LocalCloudStack(null, declaration, rendered.cloud.endpoint(), rendered.clients, deployed, rendered::close,
                stackName), rendered::close);
    }

    private interface Creation {
        LocalCloudStack create() throws IOException;
    }

    private static LocalCloudStack describe(Creation creation, Runnable undeploy) {
        try {
            return creation.create();
        } catch (IOException | RuntimeException e) {
            undeploy.run();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
    }

    /** CloudFormation reports a SAM state machine as the Step Functions one the transform made of it. */
    private static String deployedType(String type) {
        return type.equals("AWS::Serverless::StateMachine") ? "AWS::StepFunctions::StateMachine" : type;
    }

    /** Adds a nested stack {@code logicalId} (an {@code AWS::CloudFormation::Stack} resource) to {@code parent}. */
    FakeCloudFormation.Stack nestedStack(FakeCloudFormation.Stack parent, String logicalId) {
        FakeCloudFormation.Stack nested = cloudFormation.stack(parent.name + "-" + logicalId + "-NESTED1A2B3C");
        parent.resource(logicalId, nested.stackId, StackReader.NESTED_STACK_TYPE);
        return nested;
    }

    /** Clients of the local cloud that holds the stack's resources. */
    SdkClients services() {
        return services;
    }

    /** Creates a Pass state machine in the local cloud (for a nested stack's resources); its ARN. */
    String createPassStateMachine(String name, String type) {
        return services.sfn().createStateMachine(r -> r.name(name).type(type).roleArn("arn:aws:iam::" + LocalTarget.ACCOUNT_ID + ":role/x")
                .definition("{\"StartAt\":\"Pass\",\"States\":{\"Pass\":{\"Type\":\"Pass\",\"Result\":{\"from\":\"" + name + "\"},\"End\":true}}}"))
                .stateMachineArn();
    }

    Supplier<ProfileFile> profiles() {
        return () -> ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build();
    }

    /** How the aws target reaches this stack. */
    AwsConnections connections() {
        URI cloud = cloudEndpoint;
        URI fake = cloudFormation.endpoint();
        Supplier<ProfileFile> profiles = profiles();
        return new AwsConnections() {
            @Override
            public SdkClients clients(String region, AwsCredentialsProvider credentials) {
                return SdkClients.create(cloud, region, credentials);
            }

            @Override
            public CloudFormationClient cloudFormation(String region, AwsCredentialsProvider credentials) {
                return CloudFormationClient.builder().endpointOverride(fake).httpClientBuilder(UrlConnectionHttpClient.builder())
                        .region(Region.of(region)).credentialsProvider(credentials).build();
            }

            @Override
            public StsClient sts(String region, AwsCredentialsProvider credentials) {
                return StsClient.builder().endpointOverride(fake).httpClientBuilder(UrlConnectionHttpClient.builder())
                        .region(Region.of(region)).credentialsProvider(credentials).build();
            }

            @Override
            public Supplier<ProfileFile> profiles() {
                return profiles;
            }

            @Override
            public Optional<URI> endpoint() {
                return Optional.of(cloud);
            }
        };
    }

    /** The settings of a run against this stack: the aws target, the stack, the profile. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Setting.TARGET.property(), "aws");
        settings.put(Setting.STACK_NAME.property(), stackName);
        settings.put(Setting.PROFILE.property(), PROFILE);
        return settings;
    }

    static SettingsSource source(Map<String, String> parameters) {
        return SettingsSource.of(name -> Optional.ofNullable(parameters.get(name)), Map.of());
    }

    /** Starts the aws target against this stack, as {@link Targets#start} would with these settings. */
    AwsTarget startTarget(Map<String, String> settings, Duration leaseDuration) {
        AwsConnections connections = connections();
        return AwsTarget.start(declaration, AwsSettings.read(source(settings), connections.profiles()), connections, leaseDuration);
    }

    /**
     * Makes the JUnit extension's aws target reach this stack (with leases of {@code leaseDuration}) until closed: the
     * package-private seam of {@link Targets}.
     */
    AutoCloseable asTheAwsTarget(Duration leaseDuration) {
        AwsConnections previousConnections = Targets.awsConnections;
        Duration previousLease = Targets.leaseDuration;
        Targets.awsConnections = connections();
        Targets.leaseDuration = leaseDuration;
        return () -> {
            Targets.awsConnections = previousConnections;
            Targets.leaseDuration = previousLease;
        };
    }

    @Override
    public void close() {
        try {
            cloudFormation.close();
            Files.deleteIfExists(configFile);
        } catch (IOException e) {
            // a temporary file
        } finally {
            undeploy.run();
        }
    }
}

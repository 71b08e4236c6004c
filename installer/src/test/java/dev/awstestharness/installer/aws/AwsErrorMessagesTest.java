package dev.awstestharness.installer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awstestharness.installer.FakeAwsServer;
import dev.awstestharness.installer.FakeAwsServer.Response;
import dev.awstestharness.installer.InstallerException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS's refusals, in the formats the services document, become messages that name the IAM action that was refused
 * and the resource; bad or expired credentials say so. The SDK clients talk to a local server answering as AWS.
 */
class AwsErrorMessagesTest {
    static final String ACCOUNT_USER = "arn:aws:iam::123456789012:user/developer";

    @Test
    void aRefusedCreateStackNamesCloudFormationCreateStackAndTheStack() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> switch (request.form("Action")) {
            case "DescribeStacks" -> Response.queryError(400, "ValidationError", "Stack with id aws-test-harness does not exist");
            case "CreateStack" -> Response.queryError(403, "AccessDenied", "User: " + ACCOUNT_USER + " is not authorized to perform: "
                    + "cloudformation:CreateStack on resource: arn:aws:cloudformation:eu-west-1:123456789012:stack/aws-test-harness/* because no "
                    + "identity-based policy allows the cloudformation:CreateStack action");
            default -> Response.queryError(400, "InvalidAction", request.form("Action"));
        }); AwsSession session = aws.session()) {
            Stacks stacks = new Stacks(session.cloudFormation(), Duration.ofMillis(1), new PrintWriter(new StringWriter()));

            assertThatThrownBy(() -> stacks.deploy("aws-test-harness", "Resources: {}", Map.of(), Duration.ofSeconds(5)))
                    .isInstanceOf(InstallerException.class)
                    .hasMessageStartingWith("Permission denied: the AWS credentials in use may not call cloudformation:CreateStack on stack "
                            + "aws-test-harness.")
                    .hasMessageContaining("Allow the action cloudformation:CreateStack")
                    .hasMessageContaining("AWS said: AccessDenied: User: " + ACCOUNT_USER);
            assertThat(aws.requests()).extracting(request -> request.form("Action")).containsExactly("DescribeStacks", "CreateStack");
        }
    }

    @Test
    void aRefusedEcrTokenNamesEcrGetAuthorizationToken() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.json(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"User: "
                + ACCOUNT_USER + " is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy "
                + "allows the ecr:GetAuthorizationToken action\"}")); AwsSession session = aws.session()) {

            assertThatThrownBy(() -> EcrAuthorization.fetch(session.ecr()))
                    .isInstanceOf(InstallerException.class)
                    .hasMessageStartingWith("Permission denied: the AWS credentials in use may not call ecr:GetAuthorizationToken on the account's "
                            + "ECR registry.")
                    .hasMessageContaining("AccessDeniedException");
        }
    }

    @Test
    void aRefusedUploadNamesS3PutObjectAndTheObject() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.xml(403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>"));
                AwsSession session = aws.session()) {

            assertThatThrownBy(() -> new ArtifactsBucket(session.s3(), "artifacts").upload("aws-test-harness/1.0/relay.zip", new byte[] {1, 2}, "application/zip"))
                    .isInstanceOf(InstallerException.class)
                    .hasMessageStartingWith("Permission denied: the AWS credentials in use may not call s3:PutObject on "
                            + "s3://artifacts/aws-test-harness/1.0/relay.zip.");
        }
    }

    @Test
    void credentialsThatAwsDoesNotKnowAreCalledInvalid() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.queryError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid.")); AwsSession session = aws.session()) {

            assertThatThrownBy(session::identity)
                    .isInstanceOf(InstallerException.class)
                    .hasMessageStartingWith("AWS does not accept the credentials in use (InvalidClientTokenId from sts:GetCallerIdentity)");
        }
    }

    @Test
    void expiredCredentialsAreCalledExpired() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.queryError(403, "ExpiredToken",
                "The security token included in the request is expired")); AwsSession session = aws.session()) {

            assertThatThrownBy(session::identity)
                    .isInstanceOf(InstallerException.class)
                    .hasMessageStartingWith("The AWS credentials have expired (ExpiredToken from sts:GetCallerIdentity)");
        }
    }

    @Test
    void otherServiceErrorsNameTheActionTheCodeAndTheStatus() {
        try (FakeAwsServer aws = new FakeAwsServer(request -> Response.queryError(400, "ValidationError", "Template format error: "
                + "Unresolved resource dependencies [Nope] in the Resources block of the template")); AwsSession session = aws.session()) {
            Stacks stacks = new Stacks(session.cloudFormation(), Duration.ofMillis(1), new PrintWriter(new StringWriter()));

            assertThatThrownBy(() -> stacks.describe("aws-test-harness"))
                    .isInstanceOf(InstallerException.class)
                    .hasMessage("cloudformation:DescribeStacks on stack aws-test-harness failed: ValidationError: Template format error: Unresolved "
                            + "resource dependencies [Nope] in the Resources block of the template (HTTP 400)");
        }
    }
}

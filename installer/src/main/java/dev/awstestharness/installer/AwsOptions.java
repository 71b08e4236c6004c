package dev.awstestharness.installer;

import picocli.CommandLine.Option;

/** The options that choose the AWS account and region. */
final class AwsOptions {
    @Option(names = "--region", paramLabel = "REGION",
            description = "The AWS region, e.g. eu-west-1. Default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's region.")
    String region;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "The profile of ~/.aws/config and ~/.aws/credentials to take credentials (and the region) from. Default: AWS_PROFILE, "
                    + "or the SDK's default credentials chain (environment variables, default profile, SSO, container or instance role).")
    String profile;

    @Option(names = "--cloudformation-role-arn", paramLabel = "ARN",
            description = "A service role for CloudFormation to create, update and delete the installation stack's resources with, so that "
                    + "the installing user needs only the CloudFormation, S3 and ECR actions of the installer itself and iam:PassRole on this "
                    + "role (see docs/installer.md). Default: CloudFormation uses the installing user's permissions.")
    String cloudFormationRoleArn;
}

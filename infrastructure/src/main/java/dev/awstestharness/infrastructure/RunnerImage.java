package dev.awstestharness.infrastructure;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ECS task runner's image in an ECR repository of the stack's own account and region: rendered as
 * {@code ${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/<repositoryName>:<tag>}, and its repository ARN
 * is the only resource the task execution role may pull from.
 *
 * @param repositoryName the repository's name, e.g. {@code aws-test-harness/ecs-task-runner}
 * @param tag the image tag, e.g. the version
 */
public record RunnerImage(String repositoryName, String tag) {
    /** ECR's rule for repository names. */
    static final Pattern REPOSITORY_NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    /** Docker's rule for tags. */
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public RunnerImage {
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(tag, "tag");
        if (repositoryName.length() < 2 || repositoryName.length() > 256 || !REPOSITORY_NAME.matcher(repositoryName).matches()) {
            throw new IllegalArgumentException("The runner image repository name '" + repositoryName + "' is not a valid ECR repository name: "
                    + "2 to 256 lower-case letters, digits and . _ - /, such as aws-test-harness/ecs-task-runner");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("The runner image tag '" + tag + "' is not a valid image tag: up to 128 letters, digits, "
                    + "_ . and -, not starting with . or -");
        }
    }
}

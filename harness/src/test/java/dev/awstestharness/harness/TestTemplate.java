package dev.awstestharness.harness;

/** The harness's own test template (a classpath resource). */
final class TestTemplate {
    static final String PATH = "harness-test/template.yaml";

    private TestTemplate() {}
}

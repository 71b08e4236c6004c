package dev.awstestharness.infrastructure.internal;

import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.infrastructure.TestDoublesSettings;

/** Generates the test-doubles stack's parameters, conditions, resources and outputs for a declaration. */
public final class TestDoublesGenerator {
    private TestDoublesGenerator() {}

    public static GeneratedTemplate generate(DoublesDeclaration declaration, TestDoublesSettings settings) {
        GeneratedTemplate template = new GeneratedTemplate();
        SharedResources.add(template, declaration, settings);
        LambdaDoubles.add(template, declaration, settings);
        StateMachineDoubles.add(template, declaration, settings);
        StorageDoubles.add(template, declaration);
        EcsDoubles.add(template, declaration, settings);
        return template;
    }
}

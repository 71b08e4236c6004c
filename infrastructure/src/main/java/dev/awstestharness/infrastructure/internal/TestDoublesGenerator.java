package dev.awstestharness.infrastructure.internal;

import dev.awstestharness.doubles.contract.DoublesDeclaration;
import dev.awstestharness.doubles.contract.GeneratedResources;
import dev.awstestharness.infrastructure.TestDoublesSettings;
import java.util.Set;

/** Generates the test-doubles stack's parameters, conditions, resources and outputs for a declaration. */
public final class TestDoublesGenerator {
    private TestDoublesGenerator() {}

    /** A stand-alone stack: every settings parameter is declared, with its default. */
    public static GeneratedTemplate generate(DoublesDeclaration declaration, TestDoublesSettings settings) {
        return generate(declaration, settings, GeneratedResources.SETTINGS_PARAMETERS);
    }

    /**
     * The doubles of a template that declares {@code givenSettings} of the settings parameters: the others are not
     * added (a parameter a macro adds could only ever have its default), their defaults are written in.
     */
    public static GeneratedTemplate generate(DoublesDeclaration declaration, TestDoublesSettings settings, Set<String> givenSettings) {
        GeneratedTemplate template = new GeneratedTemplate();
        SharedResources.add(template, declaration, settings);
        LambdaDoubles.add(template, declaration, settings);
        StateMachineDoubles.add(template, declaration, settings);
        StorageDoubles.add(template, declaration);
        EcsDoubles.add(template, declaration, settings, givenSettings);
        return template;
    }
}

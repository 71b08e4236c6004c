package dev.awstestharness.harness.internal.junit;

import dev.awstestharness.harness.ExecutionEvent;
import dev.awstestharness.harness.StateMachineExecution;
import dev.awstestharness.harness.internal.twins.AbstractTwin;
import dev.awstestharness.harness.internal.twins.InvocationProblem;
import dev.awstestharness.harness.internal.twins.TestSession;
import java.util.List;

/** What a failed test prints: each execution it started with its history, and each twin with its invocations. */
final class Diagnostics {
    private static final int MAX_DETAILS = 1_000;

    private Diagnostics() {}

    /** The failure that lists the invocations a test did not handle. */
    static AssertionError unhandled(List<InvocationProblem> problems) {
        StringBuilder message = new StringBuilder();
        message.append(problems.size() == 1 ? "1 invocation of a test double was" : problems.size() + " invocations of test doubles were")
                .append(" not handled by the test (each was answered at once with the error shown):");
        for (int i = 0; i < problems.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
        }
        AssertionError error = new AssertionError(message.toString());
        problems.stream().map(InvocationProblem::cause).filter(cause -> cause != null).forEach(error::addSuppressed);
        return error;
    }

    static String describe(TestSession session, String target) {
        StringBuilder out = new StringBuilder();
        out.append("aws-test-harness: ").append(session.testName()).append(" failed (session ").append(session.id()).append(", ")
                .append(target).append(")\n");
        List<StateMachineExecution> executions = session.executions();
        if (executions.isEmpty()) out.append("  No executions were started through the harness.\n");
        for (StateMachineExecution execution : executions) {
            out.append("  ").append(execution).append(":\n");
            try {
                out.append("    status ").append(execution.status()).append('\n');
                for (ExecutionEvent event : execution.history()) {
                    out.append(String.format("    %4d %-32s", event.id(), event.type()));
                    if (event.stateName() != null) out.append(" '").append(event.stateName()).append('\'');
                    String details = event.details().toString();
                    if (!details.equals("{}")) out.append(' ').append(shorten(details));
                    out.append('\n');
                }
            } catch (RuntimeException e) {
                out.append("    (its history could not be read: ").append(e).append(")\n");
            }
        }
        List<AbstractTwin<?, ?>> twins = session.twins().all();
        if (twins.isEmpty()) out.append("  No twins were registered.\n");
        for (AbstractTwin<?, ?> twin : twins) {
            List<?> invocations = twin.invocations();
            out.append("  Twin of ").append(twin.description()).append(": ").append(invocations.size())
                    .append(invocations.size() == 1 ? " invocation\n" : " invocations\n");
            for (int i = 0; i < invocations.size(); i++) {
                out.append("    ").append(i + 1).append(". ").append(shorten(String.valueOf(invocations.get(i)))).append('\n');
            }
        }
        List<InvocationProblem> problems = session.problems();
        for (InvocationProblem problem : problems) out.append("  Unhandled: ").append(problem).append('\n');
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS) + "... (" + text.length() + " characters)";
    }
}

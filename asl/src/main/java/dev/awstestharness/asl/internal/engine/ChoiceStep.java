package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.model.ChoiceState;
import dev.awstestharness.asl.internal.path.DataScope;

final class ChoiceStep {
    private ChoiceStep() {}

    static Outcome run(ChoiceState choice, StateEntry entry, JsonNode rawInput) {
        JsonNode input = entry.select(choice.header().inputPath(), rawInput);
        DataScope scope = entry.scope(input);
        String next = choice.defaultNext();
        for (ChoiceState.Branch branch : choice.choices()) {
            if (branch.rule().matches(scope)) {
                next = branch.next();
                break;
            }
        }
        if (next == null) {
            throw new StatesError(StatesErrors.NO_CHOICE_MATCHED, "An error occurred while executing the state '" + entry.name()
                    + "' (entered at the event id #" + entry.enteredEventId + "). No Choice rule matched and there is no Default");
        }
        return entry.exit(entry.select(choice.header().outputPath(), input), next);
    }
}

package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.StatesErrors;
import dev.awstestharness.asl.internal.model.ChoiceState;
import dev.awstestharness.asl.internal.model.JsonataIo;
import dev.awstestharness.asl.internal.model.StateIo;
import dev.awstestharness.asl.internal.path.DataScope;

final class ChoiceStep {
    private ChoiceStep() {}

    static Outcome run(ChoiceState choice, StateEntry entry, JsonNode rawInput) {
        StateIo io = choice.header().io();
        JsonNode input = DataFlow.filteredInput(entry, io, rawInput);
        DataScope scope = io instanceof JsonataIo ? entry.jsonataScope(rawInput, null, null) : entry.scope(input);
        for (ChoiceState.Branch branch : choice.choices()) {
            if (branch.rule().matches(scope)) return DataFlow.complete(entry, branch.io(), rawInput, input, branch.next());
        }
        if (choice.defaultNext() == null) {
            throw new StatesError(StatesErrors.NO_CHOICE_MATCHED, "An error occurred while executing the state '" + entry.name()
                    + "' (entered at the event id #" + entry.enteredEventId + "). No Choice rule matched and there is no Default");
        }
        return DataFlow.complete(entry, io, rawInput, input, choice.defaultNext());
    }
}

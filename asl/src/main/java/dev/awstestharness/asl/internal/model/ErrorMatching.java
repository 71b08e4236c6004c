package dev.awstestharness.asl.internal.model;

import dev.awstestharness.asl.StatesErrors;
import java.util.List;

/** How {@code ErrorEquals} selects errors, following the error-handling chapter of the Step Functions guide. */
final class ErrorMatching {
    private ErrorMatching() {}

    static boolean matches(List<String> errorEquals, String error) {
        if (StatesErrors.RUNTIME.equals(error)) return false;
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) return true;
            if (StatesErrors.DATA_LIMIT_EXCEEDED.equals(error)) continue;
            if (candidate.equals(StatesErrors.ALL)) return true;
            if (candidate.equals(StatesErrors.TASK_FAILED)
                    && !StatesErrors.TIMEOUT.equals(error)
                    && !StatesErrors.QUERY_EVALUATION_ERROR.equals(error)) {
                return true;
            }
        }
        return false;
    }
}

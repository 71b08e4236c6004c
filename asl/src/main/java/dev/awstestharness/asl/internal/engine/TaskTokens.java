package dev.awstestharness.asl.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.awstestharness.asl.StatesError;
import dev.awstestharness.asl.TaskTokenException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks waiting for SendTaskSuccess / SendTaskFailure, by token. Tokens of tasks that ended are remembered for a
 * while so that a late callback is told the task timed out rather than that it never existed.
 */
public final class TaskTokens {
    private static final String PREFIX = "AQB";
    private static final int ENDED_TOKENS_KEPT = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_TOKENS_KEPT;
        }
    });

    /** A task waiting for its token: the future its callback completes, and what a heartbeat does. */
    static final class Waiting {
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        volatile Runnable onHeartbeat = () -> {};
    }

    String newToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Waiting await(String token) {
        Waiting entry = new Waiting();
        waiting.put(token, entry);
        entry.result.whenComplete((value, failure) -> {
            // Remembered as ended before it is forgotten as waiting, so that a lookup in between finds it in one of them.
            synchronized (ended) {
                ended.add(token);
            }
            waiting.remove(token);
        });
        return entry;
    }

    public void succeed(String token, JsonNode output) {
        find(token).result.complete(output);
    }

    public void fail(String token, String error, String cause) {
        find(token).result.completeExceptionally(new StatesError(error, cause));
    }

    public void heartbeat(String token) {
        find(token).onHeartbeat.run();
    }

    private Waiting find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 1024) {
            throw new TaskTokenException(TaskTokenException.Reason.INVALID_TOKEN, "Invalid Token: '" + token + "'");
        }
        Waiting entry = waiting.get(token);
        // A completed entry may still be in the map: the execution can move on (and a test or client call back) before
        // the clean-up above has run, since a future runs its dependents latest first.
        if (entry != null && !entry.result.isDone()) return entry;
        synchronized (ended) {
            if (ended.contains(token)) {
                throw new TaskTokenException(TaskTokenException.Reason.TASK_TIMED_OUT, "Task Timed Out: '" + token + "'");
            }
        }
        throw new TaskTokenException(TaskTokenException.Reason.TASK_DOES_NOT_EXIST, "Task does not exist: '" + token + "'");
    }
}

package dev.awstestharness.localcloud.samples;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A sample Lambda handler that returns its input unchanged, byte for byte. Create a local function with handler
 * {@code dev.awstestharness.localcloud.samples.EchoHandler} to have an echo function (the conformance corpus's
 * {@code lambda} cases call such functions).
 */
public final class EchoHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(output);
    }
}

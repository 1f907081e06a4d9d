package dev.crawler.core.fetch;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.TimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;

/** Maps what Netty and the JDK throw to the failure classes a crawl counts. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static FailureClass classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BlockedAddressException) {
                return FailureClass.BLOCKED_ADDRESS;
            }
            if (cause instanceof BodyTooLargeException) {
                return FailureClass.TOO_LARGE;
            }
            if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return FailureClass.TIMEOUT;
            }
            if (cause instanceof UnknownHostException || cause.getClass().getName().contains("DnsNameResolver")) {
                return FailureClass.DNS;
            }
            if (cause instanceof SSLException) {
                return FailureClass.TLS;
            }
            if (cause instanceof ConnectException) {
                return FailureClass.CONNECT;
            }
            if (cause instanceof TooLongFrameException) {
                return FailureClass.PROTOCOL;
            }
            if (cause instanceof ClosedChannelException) {
                return FailureClass.CONNECTION_RESET;
            }
            if (cause instanceof DecoderException && cause.getCause() == null) {
                return FailureClass.PROTOCOL;
            }
        }
        return error instanceof java.io.IOException ? FailureClass.CONNECTION_RESET : FailureClass.PROTOCOL;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

package dev.crawler.cluster;

/** The Kafka cluster did not answer, or refused, within the time a member gives it. */
public final class ClusterUnavailableException extends RuntimeException {
    public ClusterUnavailableException(String message) {
        super(message);
    }

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

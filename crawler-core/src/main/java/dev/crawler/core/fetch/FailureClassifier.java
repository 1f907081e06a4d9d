package dev.crawler.core.fetch;

/** Turns what Netty and the JDK throw into a classified failure; the classes come from {@link FailureClass#of}. */
final class FailureClassifier {
    private FailureClassifier() {
    }

    static FailureClass classify(Throwable error) {
        return FailureClass.of(error);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

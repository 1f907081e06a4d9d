package dev.crawler.cli;

/** A mistake in what the user asked for, reported as one line with exit code 1. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}

package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParsePoolTest {
    @Test
    void whateverATaskThrowsGoesToItsHandlerAndTheThreadLivesOn() throws Exception {
        try (ParsePool pool = new ParsePool(1, 10)) {
            CompletableFuture<Throwable> handled = new CompletableFuture<>();
            CompletableFuture<String> first = new CompletableFuture<>();
            CompletableFuture<String> next = new CompletableFuture<>();

            assertThat(pool.trySubmit(() -> {
                first.complete(Thread.currentThread().getName());
                throw new StackOverflowError("deep page");
            }, handled::complete)).isTrue();
            assertThat(pool.trySubmit(() -> next.complete(Thread.currentThread().getName()), handled::complete)).isTrue();

            assertThat(handled.get(10, TimeUnit.SECONDS)).isInstanceOf(StackOverflowError.class).hasMessage("deep page");
            assertThat(next.get(10, TimeUnit.SECONDS)).as("the next task runs on the same, still living, thread")
                    .isEqualTo(first.get(10, TimeUnit.SECONDS));
            assertThat(pool.unhandledFailures()).isZero();
        }
    }

    @Test
    void aHandlerThatThrowsTooIsCountedAndTheThreadLivesOn() throws Exception {
        try (ParsePool pool = new ParsePool(1, 10)) {
            CompletableFuture<Boolean> next = new CompletableFuture<>();

            pool.trySubmit(() -> {
                throw new IllegalStateException("task");
            }, error -> {
                throw new IllegalStateException("handler");
            });
            pool.trySubmit(() -> next.complete(true), error -> { });

            assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.unhandledFailures()).isOne();
        }
    }

    @Test
    void aFullPoolRefusesWithoutRunningTheHandler() throws Exception {
        try (ParsePool pool = new ParsePool(1, 1)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            pool.trySubmit(() -> {
                started.complete(null);
                release.join();
            }, error -> { });
            started.get(10, TimeUnit.SECONDS);
            assertThat(pool.trySubmit(() -> { }, error -> { })).as("one queued task fits").isTrue();

            assertThat(pool.trySubmit(() -> { }, error -> { })).as("a second does not").isFalse();
            release.complete(null);
        }
    }
}

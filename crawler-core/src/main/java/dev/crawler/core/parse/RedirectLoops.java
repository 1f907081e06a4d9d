package dev.crawler.core.parse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * Recognises a redirect that leads back into the chain of redirects that led to it.
 *
 * <p>Redirect targets are queued like links, so the seen set already stops a loop after one round:
 * {@code A → B → A} fetches A and B once each. But it stops it silently: B's redirect to A is just a
 * link to a URL already known, and nothing would record that the chain never reached a page. So the
 * crawl remembers, for each recent redirect target, the URL that redirected to it, and a redirect whose
 * target is found by walking that memory back from the redirecting URL closes a loop.
 *
 * <p>Bounded: at most {@value #MAX_REMEMBERED} targets, least recently used first out. A loop whose
 * edges were forgotten (or that spans a restart) is still stopped by the seen set, only not reported.
 * A cycle found in the memory is always a real one: every edge in it is a redirect the crawl saw.
 *
 * <p>Thread-safe.
 */
final class RedirectLoops {
    static final int MAX_REMEMBERED = 10_000;

    /** Redirect target to the URL whose answer redirected there. */
    private final Cache<String, String> cameFrom = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .executor(Runnable::run)
            .build();

    /**
     * Records that {@code from} redirects to {@code to}, and says whether that closes a loop: whether
     * {@code to} is among the (at most {@code maxSteps}) URLs whose redirects led to {@code from}.
     *
     * @return the loop, from {@code to} round to {@code to} again, when there is one
     */
    Optional<String> redirect(String from, String to, int maxSteps) {
        Optional<String> loop = loopBack(from, to, maxSteps);
        cameFrom.put(to, from);
        return loop;
    }

    private Optional<String> loopBack(String from, String to, int maxSteps) {
        StringBuilder path = new StringBuilder(from).append(" -> ").append(to);
        String step = from;
        for (int i = 0; i < maxSteps; i++) {
            String previous = cameFrom.getIfPresent(step);
            if (previous == null) {
                return Optional.empty();
            }
            path.insert(0, previous + " -> ");
            if (previous.equals(to)) {
                return Optional.of(path.toString());
            }
            step = previous;
        }
        return Optional.empty();
    }
}

package dev.crawler.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectLoopsTest {
    private final RedirectLoops loops = new RedirectLoops();

    @Test
    void aRedirectBackToTheUrlThatRedirectedHereClosesALoop() {
        assertThat(loops.redirect("/a", "/b", 5)).isEmpty();

        assertThat(loops.redirect("/b", "/a", 5)).hasValue("/a -> /b -> /a");
    }

    @Test
    void aLongerLoopIsFoundWithinTheStepLimit() {
        loops.redirect("/a", "/b", 5);
        loops.redirect("/b", "/c", 5);

        assertThat(loops.redirect("/c", "/a", 1)).as("two steps back is beyond one").isEmpty();
        assertThat(loops.redirect("/c", "/a", 2)).hasValue("/a -> /b -> /c -> /a");
    }

    @Test
    void aRedirectToAUrlKnownOtherwiseIsNoLoop() {
        loops.redirect("/a", "/b", 5);

        assertThat(loops.redirect("/c", "/a", 5)).as("/c was not reached from /a").isEmpty();
        assertThat(loops.redirect("/b", "/d", 5)).isEmpty();
    }
}

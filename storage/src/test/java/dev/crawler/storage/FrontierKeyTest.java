package dev.crawler.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FrontierKeyTest {
    @Property
    void encodingRoundTrips(@ForAll @IntRange(min = 0) int host, @ForAll @IntRange(max = 255) int priority,
            @ForAll @LongRange(min = 0) long sequence) {
        FrontierKey key = new FrontierKey(host, priority, sequence);
        assertThat(FrontierKey.decode(key.encode())).isEqualTo(key);
    }

    @Property
    void byteOrderIsKeyOrder(@ForAll @IntRange(min = 0) int hostA, @ForAll @IntRange(max = 255) int priorityA,
            @ForAll @LongRange(min = 0) long sequenceA, @ForAll @IntRange(min = 0) int hostB,
            @ForAll @IntRange(max = 255) int priorityB, @ForAll @LongRange(min = 0) long sequenceB) {
        FrontierKey a = new FrontierKey(hostA, priorityA, sequenceA);
        FrontierKey b = new FrontierKey(hostB, priorityB, sequenceB);
        assertThat(Integer.signum(Arrays.compareUnsigned(a.encode(), b.encode()))).isEqualTo(Integer.signum(a.compareTo(b)));
    }
}

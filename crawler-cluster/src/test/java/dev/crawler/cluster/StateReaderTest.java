package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import dev.crawler.storage.StoreJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** What a member reads to take a partition over: its products in parts of bounded size, then its URLs' states. */
class StateReaderTest extends OnABroker {
    private static final String SHOP = "http://127.0.1.1:8080";
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aPartitionsProductsComeInBoundedPartsWithTheLatestOfEachAndThenItsStateWithHowFarBothAreRead() throws Exception {
        CrawlTopics topics = CrawlTopics.of("reader");
        new TopicSetup(admin, Duration.ofSeconds(30)).ensure(topics, 2);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(broker.bootstrap()))) {
            for (int i = 0; i < 25; i++) {
                producer.send(product(topics, "p" + i, "10.00", AT));
            }
            producer.send(product(topics, "p3", "9.00", AT.plusSeconds(60)));
            producer.send(product(topics, "p4", "8.00", AT.minusSeconds(60)));
            PageState page = new PageState(SHOP + "/p/p3", SHOP, 1, PageState.Kind.PRODUCT, "\"e\"", null, null, AT, AT, AT, 3_600_000,
                    AT.plusSeconds(3_600), false, null, 0);
            producer.send(new ProducerRecord<>(topics.state(), 0, bytes(page.url()), UrlState.settled(page.url(), SHOP, page).toBytes()));
            producer.flush();
        }

        List<RestoreBatch> read = new ArrayList<>();
        new StateReader(broker.bootstrap(), topics, 10).read(Map.of(0, 0L), Map.of(0, 0L), read::add);

        assertThat(read).hasSizeGreaterThanOrEqualTo(4);
        assertThat(read.subList(0, read.size() - 1)).allSatisfy(part -> {
            assertThat(part).isInstanceOf(ProductBaselines.class);
            assertThat(((ProductBaselines) part).products()).hasSizeLessThanOrEqualTo(10);
        });
        Map<String, ProductRecord> latest = new HashMap<>();
        read.subList(0, read.size() - 1).forEach(part -> ((ProductBaselines) part).products()
                .forEach(product -> latest.merge(product.name(), product, (a, b) -> a.fetchedAt().isAfter(b.fetchedAt()) ? a : b)));
        assertThat(latest).hasSize(25);
        assertThat(latest.get("p3").price()).as("the record fetched later").isEqualByComparingTo("9.00");
        assertThat(latest.get("p4").price()).as("the record fetched later, though written earlier").isEqualByComparingTo("10.00");
        RestoredPartition restored = (RestoredPartition) read.get(read.size() - 1);
        assertThat(restored.settled()).containsExactly(SHOP + "/p/p3");
        assertThat(restored.pages()).extracting(PageState::etag).containsExactly("\"e\"");
        assertThat(restored.productsUpTo()).as("the products topic's end").isEqualTo(27);
        assertThat(restored.appliedUpTo()).isEqualTo(1);
    }

    private static ProducerRecord<byte[], byte[]> product(CrawlTopics topics, String name, String price, Instant at) {
        String url = SHOP + "/p/" + name;
        ProductRecord product = new ProductRecord(url, url, name, new BigDecimal(price), "EUR", null, null, null, "InStock", null, null,
                null, "127.0.1.1", at);
        return new ProducerRecord<>(topics.products(), 0, bytes(url), StoreJson.write(product));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

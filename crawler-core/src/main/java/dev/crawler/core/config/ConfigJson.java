package dev.crawler.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The stored form of a {@link CrawlConfig}: JSON, so a person can read it in the crawl directory. */
public final class ConfigJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ConfigJson() {
    }

    public static String write(CrawlConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (IOException e) {
            throw new UncheckedIOException("a crawl config could not be serialised", e);
        }
    }

    /**
     * Reads a stored config.
     *
     * @throws IllegalArgumentException when it is not a valid config, with the reason
     */
    public static CrawlConfig read(String json) {
        try {
            // Laid over the defaults, so a config stored before a setting existed reads with its default.
            JsonNode stored = MAPPER.readTree(json);
            if (stored == null || !stored.isObject()) {
                throw new IllegalArgumentException("invalid crawl config: not a JSON object");
            }
            JsonNode defaults = MAPPER.valueToTree(CrawlConfig.defaults(java.util.Set.of()));
            dropRemoved((ObjectNode) stored);
            return MAPPER.treeToValue(overlay(defaults, stored), CrawlConfig.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("invalid crawl config: " + cause.getMessage(), e);
        }
    }

    /**
     * Settings a crawl may have been stored with that no longer exist, each with why: a stored config
     * that has one still resumes, the setting ignored.
     */
    public static final java.util.Map<String, String> REMOVED = java.util.Map.of(
            "politeness.robotsErrorExpiry", "an unavailable robots.txt no longer blocks its host for a while: "
                    + "the host is parked with its URLs queued, and 'resume' tries it again");

    private static void dropRemoved(ObjectNode stored) {
        for (String path : REMOVED.keySet()) {
            String[] parts = path.split("\\.");
            JsonNode section = stored.get(parts[0]);
            if (section instanceof ObjectNode object) {
                object.remove(parts[1]);
            }
        }
    }

    /** {@code stored} over {@code defaults}: objects merge key by key, anything else replaces. */
    private static JsonNode overlay(JsonNode defaults, JsonNode stored) {
        if (!defaults.isObject() || !stored.isObject()) {
            return stored;
        }
        ObjectNode merged = ((ObjectNode) defaults).deepCopy();
        stored.fields().forEachRemaining(field -> {
            JsonNode base = merged.get(field.getKey());
            merged.set(field.getKey(), base == null ? field.getValue() : overlay(base, field.getValue()));
        });
        return merged;
    }
}

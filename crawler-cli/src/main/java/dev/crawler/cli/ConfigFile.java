package dev.crawler.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.crawler.core.config.ConfigJson;
import dev.crawler.core.config.ProxyRule;
import dev.crawler.core.extract.SiteRule;
import dev.crawler.core.url.Origin;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML config file into a {@link ConfigDocument}, or says in one line what is wrong with it
 * and where.
 *
 * <p>The file may hold any part of the settings; what it leaves out keeps its default. The file's
 * tree is laid over the tree of the defaults (sections merge, values and lists replace), and Jackson
 * maps the result onto the records, which check every value. Jackson's errors carry the path of
 * the setting that failed but, on a merged tree, no line; a streaming pass over the file records the
 * line of every key, and the path finds it.
 */
final class ConfigFile {
    static final ObjectMapper MAPPER = YAMLMapper.builder()
            .addModule(durations())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Choices are written and read as their lower-case names: crawlDelayAboveMax: honour.
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** A problem message that starts with the setting it is about, as the records' checks write them. */
    private static final Pattern NAMED = Pattern.compile("^([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)+)[: ]");

    private ConfigFile() {
    }

    /** Reads and checks a config file. */
    static ConfigDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("config file " + file + " does not exist");
        } catch (MalformedInputException e) {
            throw new UserError("config file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UserError("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Reads and checks config text.
     *
     * @param source what to call the text in messages, usually its file name
     * @throws UserError naming the line and the setting, when the text is not a valid config
     */
    static ConfigDocument parse(String text, String source) {
        JsonNode tree = readTree(text, source);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return ConfigDocument.defaults();
        }
        YamlLines lines = YamlLines.of(text);
        if (!tree.isObject()) {
            throw new UserError(source + ": a config file is a mapping of sections such as 'politeness:'; "
                    + "see 'crawler config --defaults'");
        }
        JsonNode merged = merge(MAPPER.valueToTree(ConfigDocument.defaults()), tree, "", lines, source);
        ConfigDocument document;
        try {
            document = MAPPER.treeToValue(merged, ConfigDocument.class);
        } catch (JsonProcessingException e) {
            throw explain(e, lines, source);
        } catch (IllegalArgumentException e) {
            throw problem(source, lines, "", e.getMessage());
        }
        checkOrigins(document, lines, source);
        return document;
    }

    private static JsonNode readTree(String text, String source) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? source : source + " line " + e.getLocation().getLineNr();
            throw new UserError(where + ": not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    /** Lays the user's tree over the defaults: sections merge key by key, anything else replaces. */
    private static JsonNode merge(JsonNode defaults, JsonNode user, String path, YamlLines lines, String source) {
        ObjectNode result = (ObjectNode) defaults.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                throw problem(source, lines, key, key + ": has no value; give one, or delete the line to keep the default");
            }
            JsonNode base = result.get(field.getKey());
            if (base == null && ConfigJson.REMOVED.containsKey(key)) {
                throw problem(source, lines, key, key + ": no longer a setting (" + ConfigJson.REMOVED.get(key) + "); delete the line");
            }
            if (base == null) {
                throw problem(source, lines, key, unknownKey(key, field.getKey(), fieldNames(defaults)));
            }
            if (key.equals("extraction.siteRules")) {
                checkListItemKeys(value, key, SiteRule.class, lines, source);
            }
            if (key.equals("fetch.proxies")) {
                checkListItemKeys(value, key, ProxyRule.class, lines, source);
            }
            result.set(field.getKey(), base.isObject() && value.isObject() ? merge(base, value, key, lines, source) : value);
        }
        return result;
    }

    /**
     * Site rules and proxy rules are list items, which the merge does not enter: their keys are checked
     * here, before a rule's own check could complain about what a misspelled key left out.
     */
    private static void checkListItemKeys(JsonNode rules, String path, Class<? extends Record> item, YamlLines lines,
            String source) {
        List<String> known = Arrays.stream(item.getRecordComponents()).map(RecordComponent::getName).toList();
        for (int i = 0; i < rules.size(); i++) {
            Iterator<String> names = rules.get(i).fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    String key = path + "[" + i + "]." + name;
                    throw problem(source, lines, key, unknownKey(key, name, List.copyOf(known)));
                }
            }
        }
    }

    private static List<Object> fieldNames(JsonNode node) {
        List<Object> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static UserError explain(JsonProcessingException error, YamlLines lines, String source) {
        String path = error instanceof JsonMappingException mapping ? YamlLines.pathOf(mapping.getPath()) : "";
        if (error instanceof UnrecognizedPropertyException unknown) {
            return problem(source, lines, path, unknownKey(path, unknown.getPropertyName(), unknown.getKnownPropertyIds()));
        }
        if (error instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            String message = String.valueOf(invalid.getCause().getMessage());
            Matcher named = NAMED.matcher(message);
            if (named.find() && lines.line(named.group(1)).isPresent()) {
                return problem(source, lines, named.group(1), message);
            }
            return problem(source, lines, path, path.isEmpty() ? message : path + ": " + message);
        }
        if (error instanceof InvalidFormatException format) {
            return problem(source, lines, path, path + ": " + describeValue(format));
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return problem(source, lines, path, path + ": should be " + kind(mismatch.getTargetType()));
        }
        return problem(source, lines, path, (path.isEmpty() ? "" : path + ": ") + firstLine(error.getOriginalMessage()));
    }

    private static String unknownKey(String path, String name, Collection<Object> known) {
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
        String nearest = NearestKey.among(name, known.stream().map(String::valueOf).toList());
        return "unknown setting '" + path + "'; did you mean '" + parent + nearest + "'?";
    }

    private static String describeValue(InvalidFormatException error) {
        if (error.getTargetType() == Duration.class) {
            return firstLine(error.getOriginalMessage());
        }
        return "'" + error.getValue() + "' is not " + kind(error.getTargetType());
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Duration.class) {
            return "a duration (" + Durations.FORMS + ")";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of: " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return "a section of settings";
    }

    /** Origins the file allows must be origins, so that a typo does not silently allow nothing. */
    private static void checkOrigins(ConfigDocument document, YamlLines lines, String source) {
        for (String origin : document.scope().allowedOrigins()) {
            if (Origin.of(origin).isEmpty()) {
                throw problem(source, lines, "scope.allowedOrigins", "scope.allowedOrigins: '" + origin
                        + "' is not an origin such as https://shop.example");
            }
        }
    }

    private static UserError problem(String source, YamlLines lines, String path, String message) {
        OptionalInt line = lines.line(path);
        return new UserError((line.isPresent() ? source + " line " + line.getAsInt() : source) + ": " + message);
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    /** Durations read in every form {@link Durations} accepts, and written in the shortest one. */
    private static SimpleModule durations() {
        SimpleModule module = new SimpleModule("crawler-durations");
        module.addDeserializer(Duration.class, new StdScalarDeserializer<>(Duration.class) {
            @Override
            public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonToken token = parser.currentToken();
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    return (Duration) context.handleUnexpectedToken(Duration.class, parser);
                }
                String text = parser.getText();
                try {
                    return Durations.parse(text);
                } catch (IllegalArgumentException e) {
                    throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
                }
            }
        });
        module.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration value, com.fasterxml.jackson.core.JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(Durations.format(value));
            }
        });
        return module;
    }
}

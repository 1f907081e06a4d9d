package dev.crawler.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The line of every key in a YAML text, by its path: {@code politeness.delay},
 * {@code extraction.siteRules[0].price}. Lets an error found on a tree without locations point at
 * the line a person wrote.
 */
final class YamlLines {
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes text that has already been read as YAML once (so it is well-formed). */
    static YamlLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = ConfigFile.MAPPER.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(pathOf(parser.getParsingContext()), parser.currentTokenLocation().getLineNr());
                } else if (token.isStructStart() && parser.getParsingContext().getParent() != null
                        && parser.getParsingContext().getParent().inArray()) {
                    lines.putIfAbsent(pathOf(parser.getParsingContext().getParent()), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // The text was parsed once already; if a second pass fails, messages just lack a line.
            return new YamlLines(lines);
        }
        return new YamlLines(lines);
    }

    /** The line of a key, or of the nearest enclosing key the text has; empty when there is none. */
    OptionalInt line(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return OptionalInt.of(line);
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return OptionalInt.empty();
    }

    /** The path of the parser's position: keys joined by dots, list positions in brackets. */
    static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.push("[" + at.getCurrentIndex() + "]");
            } else if (at.getCurrentName() != null) {
                parts.push("." + at.getCurrentName());
            }
        }
        return trimDot(String.join("", parts));
    }

    /** The same path notation for where Jackson's mapping failed. */
    static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return trimDot(path.toString());
    }

    /** The paths of every value that is not a section, in document order; list items are not entered. */
    static List<String> leafPaths(JsonNode tree) {
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (!node.isObject()) {
            paths.add(path);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
        }
    }

    private static String trimDot(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
    }
}

package org.hiddenneurons.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import org.hiddenneurons.data.DataFormatException;

/**
 * What the JSON file formats ({@link ModelFile}, {@link TrainingRunFile}) share: one strict reader
 * and a base for their field-by-field parsers, whose errors read "{source}: {field}: {problem}".
 */
abstract class JsonFileParser {

    /** Strict: duplicate keys and trailing tokens are errors; NaN parses so it is reported by field. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is reported by field, not as a syntax error
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Names the input in every error: a file path, or e.g. "run.json: snapshots[3].model". */
    protected final String source;

    protected JsonFileParser(String source) {
        this.source = source;
    }

    /** The JSON tree of {@code in} (not closed); malformed JSON fails naming line and column. */
    static JsonNode readTree(InputStream in, String sourceName) throws DataFormatException {
        try {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String place = where == null ? null : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw error(sourceName, place, "malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw error(sourceName, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** "{source}: {place}: {problem}" (place omitted when null). */
    static DataFormatException error(String source, String place, String problem, Throwable cause) {
        return new DataFormatException(place == null ? source + ": " + problem : source + ": " + place + ": " + problem,
                cause);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** An error at {@code place} (a field path such as "training.seed", or null for the whole input). */
    protected DataFormatException error(String place, String problem) {
        return error(source, place, problem, null);
    }

    /** {@code parent.field}, reported as {@code path} when missing. */
    protected JsonNode required(JsonNode parent, String field, String path) throws DataFormatException {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw error(path, "missing");
        }
        return node;
    }

    /** Fails on the first field of {@code object} not in {@code allowed}, reported as prefix + name. */
    protected void checkFields(JsonNode object, String prefix, Set<String> allowed) throws DataFormatException {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(prefix + name, "unknown field");
            }
        }
    }
}

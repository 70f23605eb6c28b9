package org.hiddenneurons.ui.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hiddenneurons.viz.FormulaRenderer;

/**
 * Reads lessons: one JSON file per lesson and language ({@code <id>.<language>.json}, format in
 * {@code docs/lessons.md}), bundled under {@value #RESOURCE_DIR}, in the order of {@value #INDEX}.
 * Every file is checked completely before it is used: an unknown or missing field, a wrong type or
 * an out-of-range number is a {@link LessonFileException} naming the file, the field and the problem.
 */
public final class LessonFiles {

    /** Where the bundled lessons live (class-path resources). */
    public static final String RESOURCE_DIR = "/org/hiddenneurons/ui/lesson/";
    /** The bundled lessons' ids, in menu order: a JSON array of strings. */
    public static final String INDEX = "index.json";
    /** The only format version there is so far. */
    public static final int FORMAT = 1;
    /** The page ids a step may open or wait for (the window's pages, as its navigation ids say). */
    public static final List<String> PAGES = List.of("workbench", "backprop", "hidden-unit", "compare",
            "evaluation", "my-drawings", "compare-runs");
    /** Languages lessons are written in; the first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    /** Hidden units a unit-off action may name (1-based). */
    public static final int MAX_UNIT = 25;
    /** Steps of the Backprop page (1-based). */
    public static final int BACKPROP_STEPS = 10;

    private static final Set<String> LESSON_FIELDS = Set.of("format", "id", "title", "summary", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("text", "formula", "target", "page", "action");
    private static final Set<String> ACTION_FIELDS = Set.of("type", "digit", "unit", "page", "step");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LessonFiles() {
    }

    /** The bundled lessons' ids, in menu order. */
    public static List<String> bundledIds() throws LessonFileException {
        String file = RESOURCE_DIR + INDEX;
        JsonNode root = readTree(file, LessonFiles.class.getResourceAsStream(file));
        if (!root.isArray()) {
            throw new LessonFileException(file, "", "must be an array of lesson ids");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            if (!root.get(i).isTextual() || root.get(i).asText().isBlank()) {
                throw new LessonFileException(file, "[" + i + "]", "must be a lesson id (text)");
            }
            ids.add(root.get(i).asText());
        }
        return List.copyOf(ids);
    }

    /** The file name of lesson {@code id} in {@code language}, e.g. {@code backprop-step.zh-CN.json}. */
    public static String fileName(String id, Locale language) {
        return id + "." + language.toLanguageTag() + ".json";
    }

    /** The language lessons are shown in for the window's {@code locale}: its own if lessons exist in it, else English. */
    public static Locale languageFor(Locale locale) {
        for (Locale language : LANGUAGES) {
            if (language.getLanguage().equals(locale.getLanguage())) {
                return language;
            }
        }
        return LANGUAGES.get(0);
    }

    /** Bundled lesson {@code id} in {@code language}. */
    public static Lesson bundled(String id, Locale language) throws LessonFileException {
        String file = RESOURCE_DIR + fileName(id, language);
        return parse(file, id, LessonFiles.class.getResourceAsStream(file));
    }

    /**
     * Reads and checks one lesson file.
     *
     * @param file       the name errors give (a resource path or file path)
     * @param expectedId the id the file must declare (its name's first part), or null to accept any
     * @param in         the file's bytes (UTF-8); null when the file does not exist. Closed.
     */
    public static Lesson parse(String file, String expectedId, InputStream in) throws LessonFileException {
        JsonNode root = readTree(file, in);
        if (!root.isObject()) {
            throw new LessonFileException(file, "", "must be a JSON object");
        }
        checkFields(file, "", root, LESSON_FIELDS);
        JsonNode format = required(file, "format", root);
        if (!format.isInt() || format.asInt() != FORMAT) {
            throw new LessonFileException(file, "format", "must be " + FORMAT + " (found " + format + ")");
        }
        String id = text(file, "id", root.get("id"), true);
        if (expectedId != null && !id.equals(expectedId)) {
            throw new LessonFileException(file, "id", "is \"" + id + "\" but the file name says \"" + expectedId + "\"");
        }
        String title = text(file, "title", root.get("title"), true);
        String summary = text(file, "summary", root.get("summary"), true);
        JsonNode steps = required(file, "steps", root);
        if (!steps.isArray() || steps.isEmpty()) {
            throw new LessonFileException(file, "steps", "must be a non-empty array of steps");
        }
        List<Lesson.Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(step(file, "steps[" + i + "]", steps.get(i)));
        }
        return new Lesson(id, title, summary, parsed);
    }

    private static Lesson.Step step(String file, String at, JsonNode node) throws LessonFileException {
        if (!node.isObject()) {
            throw new LessonFileException(file, at, "must be an object with at least \"text\"");
        }
        checkFields(file, at + ".", node, STEP_FIELDS);
        String text = text(file, at + ".text", node.get("text"), true);
        String formula = text(file, at + ".formula", node.get("formula"), false);
        if (formula != null) {
            try {
                FormulaRenderer.check(formula);
            } catch (IllegalArgumentException e) {
                throw new LessonFileException(file, at + ".formula", "is not LaTeX that can be typeset: " + e.getMessage());
            }
        }
        String target = text(file, at + ".target", node.get("target"), false);
        String page = page(file, at + ".page", node.get("page"), false);
        Lesson.Action action = node.has("action") ? action(file, at + ".action", node.get("action")) : null;
        if (action != null && action.type() == Lesson.ActionType.OPEN_PAGE && action.page().equals(page)) {
            throw new LessonFileException(file, at + ".page", "opens the page the step asks the student to open");
        }
        return new Lesson.Step(text, target, page, action, formula);
    }

    private static Lesson.Action action(String file, String at, JsonNode node) throws LessonFileException {
        if (!node.isObject()) {
            throw new LessonFileException(file, at, "must be an object with a \"type\"");
        }
        checkFields(file, at + ".", node, ACTION_FIELDS);
        String typeName = text(file, at + ".type", node.get("type"), true);
        Lesson.ActionType type = Lesson.ActionType.byFileName(typeName);
        if (type == null) {
            List<String> names = new ArrayList<>();
            for (Lesson.ActionType each : Lesson.ActionType.values()) {
                names.add(each.fileName());
            }
            throw new LessonFileException(file, at + ".type", "unknown action \"" + typeName + "\" (one of " + names + ")");
        }
        Integer digit = number(file, at + ".digit", node.get("digit"), 0, 9);
        Integer unit = number(file, at + ".unit", node.get("unit"), 1, MAX_UNIT);
        String page = page(file, at + ".page", node.get("page"), type == Lesson.ActionType.OPEN_PAGE);
        Integer step = number(file, at + ".step", node.get("step"), 1, BACKPROP_STEPS);
        String misplaced = digit != null && type != Lesson.ActionType.DRAW ? "digit"
                : unit != null && type != Lesson.ActionType.UNIT_OFF ? "unit"
                : page != null && type != Lesson.ActionType.OPEN_PAGE ? "page"
                : step != null && type != Lesson.ActionType.STEP_BACKPROP ? "step" : null;
        if (misplaced != null) {
            throw new LessonFileException(file, at + "." + misplaced, "does not apply to a \"" + typeName + "\" action");
        }
        return new Lesson.Action(type, digit, unit, page, step);
    }

    private static JsonNode readTree(String file, InputStream in) throws LessonFileException {
        if (in == null) {
            throw new LessonFileException(file, "", "not found");
        }
        try (InputStream stream = in) {
            JsonNode root = JSON.readTree(stream);
            if (root == null || root.isMissingNode()) {
                throw new LessonFileException(file, "", "is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LessonFileException(file, "", "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LessonFileException(file, "", "cannot be read: " + e.getMessage());
        }
    }

    private static void checkFields(String file, String prefix, JsonNode node, Set<String> allowed)
            throws LessonFileException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new LessonFileException(file, prefix + name, "unknown field (allowed: " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static JsonNode required(String file, String field, JsonNode parent) throws LessonFileException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new LessonFileException(file, field, "is missing");
        }
        return node;
    }

    private static String text(String file, String field, JsonNode node, boolean required) throws LessonFileException {
        if (node == null || node.isNull()) {
            if (required) {
                throw new LessonFileException(file, field, "is missing");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new LessonFileException(file, field, "must be non-empty text");
        }
        return node.asText();
    }

    private static String page(String file, String field, JsonNode node, boolean required) throws LessonFileException {
        String page = text(file, field, node, required);
        if (page != null && !PAGES.contains(page)) {
            throw new LessonFileException(file, field, "unknown page \"" + page + "\" (one of " + PAGES + ")");
        }
        return page;
    }

    private static Integer number(String file, String field, JsonNode node, int min, int max) throws LessonFileException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt() || node.asInt() < min || node.asInt() > max) {
            throw new LessonFileException(file, field, "must be a whole number from " + min + " to " + max + " (found " + node + ")");
        }
        return node.asInt();
    }
}

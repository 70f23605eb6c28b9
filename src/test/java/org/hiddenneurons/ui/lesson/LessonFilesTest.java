package org.hiddenneurons.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hiddenneurons.ui.WorkbenchView;
import org.junit.jupiter.api.Test;

class LessonFilesTest {

    /** The lessons issue 17 asks for, in this order. */
    private static final int BUNDLED_LESSONS = 5;

    @Test
    void everyBundledLessonParsesInEveryLanguageWithTheSameSteps() throws LessonFileException {
        List<String> ids = LessonFiles.bundledIds();
        assertEquals(BUNDLED_LESSONS, ids.size());
        for (String id : ids) {
            Lesson english = LessonFiles.bundled(id, Locale.ENGLISH);
            for (Locale language : LessonFiles.LANGUAGES) {
                Lesson lesson = LessonFiles.bundled(id, language);
                assertEquals(english.steps().size(), lesson.steps().size(), id + " " + language + ": number of steps");
                for (int i = 0; i < lesson.steps().size(); i++) {
                    Lesson.Step step = lesson.steps().get(i);
                    Lesson.Step reference = english.steps().get(i);
                    String where = id + " " + language + " step " + (i + 1);
                    assertEquals(reference.target(), step.target(), where + ": target");
                    assertEquals(reference.page(), step.page(), where + ": page");
                    assertEquals(reference.action(), step.action(), where + ": action");
                    assertEquals(reference.formula(), step.formula(), where + ": formula (math is the same in every language)");
                    boolean chinese = language.getLanguage().equals("zh");
                    assertEquals(chinese, hasHan(step.text()), where + ": text in the file's language");
                }
            }
        }
    }

    @Test
    void lessonPagesAreTheWindowsPages() {
        assertEquals(Arrays.stream(WorkbenchView.Page.values()).map(WorkbenchView.Page::id).toList(), LessonFiles.PAGES);
    }

    @Test
    void theWindowsLanguageChoosesTheLessonsLanguage() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, LessonFiles.languageFor(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Locale.ENGLISH, LessonFiles.languageFor(Locale.UK));
        assertEquals(Locale.ENGLISH, LessonFiles.languageFor(Locale.GERMAN), "no German lessons: English");
        assertEquals("backprop-step.zh-CN.json", LessonFiles.fileName("backprop-step", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aMinimalLessonParses() throws LessonFileException {
        Lesson lesson = parse("""
                {"format": 1, "id": "t", "title": "T", "summary": "S",
                 "steps": [{"text": "Hello"},
                           {"text": "Draw", "target": "drawing-pad", "action": {"type": "draw", "digit": 7}},
                           {"text": "Off", "action": {"type": "unit-off"}}]}""");
        assertEquals(3, lesson.steps().size());
        assertEquals(new Lesson.Action(Lesson.ActionType.DRAW, 7, null, null, null), lesson.steps().get(1).action());
        assertEquals(new Lesson.Action(Lesson.ActionType.UNIT_OFF, null, null, null, null), lesson.steps().get(2).action());
    }

    @Test
    void badFilesNameTheFileTheFieldAndTheProblem() {
        String head = "{\"format\": 1, \"id\": \"t\", \"title\": \"T\", \"summary\": \"S\", \"steps\": ";
        assertProblem(head + "[{\"text\": \"a\", \"targt\": \"pad\"}]}", "steps[0].targt", "unknown field");
        assertProblem(head + "[{\"text\": \"a\"}, {\"action\": {\"type\": \"draw\"}}]}", "steps[1].text", "is missing");
        assertProblem(head + "[{\"text\": \"a\", \"action\": {\"type\": \"jump\"}}]}", "steps[0].action.type", "unknown action \"jump\"");
        assertProblem(head + "[{\"text\": \"a\", \"action\": {\"type\": \"unit-off\", \"unit\": 26}}]}", "steps[0].action.unit", "from 1 to 25");
        assertProblem(head + "[{\"text\": \"a\", \"action\": {\"type\": \"draw\", \"digit\": 7.5}}]}", "steps[0].action.digit", "whole number");
        assertProblem(head + "[{\"text\": \"a\", \"action\": {\"type\": \"open-page\"}}]}", "steps[0].action.page", "is missing");
        assertProblem(head + "[{\"text\": \"a\", \"page\": \"settings\"}]}", "steps[0].page", "unknown page \"settings\"");
        assertProblem(head + "[{\"text\": \"a\", \"formula\": \"\\\\nosuchmacro{x}\"}]}", "steps[0].formula",
                "is not LaTeX that can be typeset");
        assertProblem(head + "[{\"text\": \"a\", \"action\": {\"type\": \"draw\", \"unit\": 3}}]}", "steps[0].action.unit", "does not apply");
        assertProblem(head + "[{\"text\": \"a\", \"page\": \"compare\", \"action\": {\"type\": \"open-page\", \"page\": \"compare\"}}]}",
                "steps[0].page", "opens the page");
        assertProblem(head + "[]}", "steps", "non-empty array");
        assertProblem(head.replace("\"format\": 1", "\"format\": 2") + "[{\"text\": \"a\"}]}", "format", "must be 1");
        assertProblem(head.replace("\"id\": \"t\"", "\"id\": \"other\"") + "[{\"text\": \"a\"}]}", "id", "file name says \"t\"");
        assertProblem(head + "[{\"text\": \"a\"}", "", "not valid JSON at line 1");
        assertProblem("[1, 2]", "", "must be a JSON object");
    }

    @Test
    void aMissingFileIsNamed() {
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonFiles.bundled("no-such-lesson", Locale.ENGLISH));
        assertEquals(LessonFiles.RESOURCE_DIR + "no-such-lesson.en.json: not found", e.getMessage());
    }

    private static void assertProblem(String json, String field, String problem) {
        LessonFileException e = assertThrows(LessonFileException.class, () -> parse(json), json);
        assertEquals("t.en.json", e.file());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.en.json" + (field.isEmpty() ? "" : ": " + field) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static Lesson parse(String json) throws LessonFileException {
        return LessonFiles.parse("t.en.json", "t", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void hanDetectionWorks() {
        assertTrue(hasHan("隐藏单元 12"));
        assertFalse(hasHan("Unit 12 · Θ² σ(z³)"));
    }
}

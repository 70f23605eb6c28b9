package org.hiddenneurons.ui.lesson;

/** A lesson file that cannot be used, with the file, the field and the problem in its message. */
public final class LessonFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;

    /**
     * @param file    the file's name (resource path or file path)
     * @param field   where in the file, e.g. {@code steps[2].action.unit}; empty for the whole file
     * @param problem what is wrong, in words
     */
    public LessonFileException(String file, String field, String problem) {
        super(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}

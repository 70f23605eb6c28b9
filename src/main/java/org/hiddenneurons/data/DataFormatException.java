package org.hiddenneurons.data;

import java.nio.file.Path;

/**
 * The one error every reader (data sets, images, model files) throws for malformed input. The
 * message names the file, the place (line, byte offset or field) and the problem, e.g.
 * {@code train.csv: line 12, field 3: "abc" is not a number}.
 */
public class DataFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{file}: {place}: {problem}" (place omitted when null). */
    public static DataFormatException at(Path file, String place, String problem) {
        return new DataFormatException(format(file, place, problem));
    }

    /** Same as {@link #at(Path, String, String)} with a cause. */
    public static DataFormatException at(Path file, String place, String problem, Throwable cause) {
        return new DataFormatException(format(file, place, problem), cause);
    }

    private static String format(Path file, String place, String problem) {
        String name = file == null ? "<input>" : file.toString();
        return place == null ? name + ": " + problem : name + ": " + place + ": " + problem;
    }
}

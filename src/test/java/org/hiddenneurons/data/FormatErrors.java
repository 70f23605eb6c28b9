package org.hiddenneurons.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a reader rejects bad input with a message naming the file, the place and the problem. */
final class FormatErrors {

    private FormatErrors() {
    }

    /**
     * @param file  the file the message must name
     * @param place the place the message must name (e.g. "line 3, field 2"), or null
     * @param problem words the message must contain
     */
    static DataFormatException assertRejects(Executable read, Path file, String place, String problem) {
        DataFormatException e = assertThrows(DataFormatException.class, read);
        String message = e.getMessage();
        assertTrue(message.startsWith(file.toString() + ": "), () -> "names the file " + file + ": " + message);
        if (place != null) {
            assertTrue(message.contains(": " + place + ": "), () -> "names the place " + place + ": " + message);
        }
        assertTrue(message.contains(problem), () -> "says \"" + problem + "\": " + message);
        return e;
    }
}

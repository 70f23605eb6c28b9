package org.hiddenneurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core knows nothing of JavaFX: only org.hiddenneurons.ui (and the Launcher) may touch it. */
class LayeringTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java/org/hiddenneurons");
    private static final Pattern JAVAFX_USE = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?javafx\\.|\\bjavafx\\.[a-z]+\\.[A-Z]");

    @Test
    void nothingOutsideUiUsesJavaFx() throws IOException {
        assertTrue(Files.isDirectory(MAIN_SOURCES.resolve("core")), "run from the project root");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN_SOURCES.relativize(p).startsWith("ui"))
                    .filter(p -> !p.getFileName().toString().equals("Launcher.java"))
                    .filter(LayeringTest::usesJavaFx)
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders, "files outside ui that use javafx");
    }

    @Test
    void detectorRecognisesAnImport() {
        assertTrue(JAVAFX_USE.matcher("package x;\nimport javafx.scene.Node;\n").find());
    }

    private static boolean usesJavaFx(Path file) {
        try {
            return JAVAFX_USE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

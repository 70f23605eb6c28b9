package org.hiddenneurons.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.ui.DatasetOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropRouterTest {

    @TempDir
    Path dir;

    @Test
    void latestRegistrationThatAcceptsWinsAndOthersFallBack() {
        List<String> calls = new ArrayList<>();
        DropRouter router = new DropRouter();
        router.register(path -> path.toString().endsWith(".json"), path -> calls.add("model " + path.getFileName()));
        router.register(path -> path.toString().endsWith(".run.json"), path -> calls.add("run " + path.getFileName()));
        router.setFallback(path -> calls.add("unknown " + path.getFileName()));

        assertTrue(router.route(Path.of("a.json")));
        assertTrue(router.route(Path.of("b.run.json")));
        assertFalse(router.route(Path.of("c.txt")));
        assertEquals(List.of("model a.json", "run b.run.json", "unknown c.txt"), calls);
    }

    @Test
    void dataPathsAreFoldersCsvIdxAndPng() {
        assertTrue(DatasetOpener.isDataPath(dir));
        for (String name : List.of("x.CSV", "train-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz",
                "train-labels-idx1-ubyte.gz", "digits.png")) {
            assertTrue(DatasetOpener.isDataPath(dir.resolve(name)), name);
        }
        for (String name : List.of("model.json", "ex4weights.mat", "notes.txt")) {
            assertFalse(DatasetOpener.isDataPath(dir.resolve(name)), name);
        }
        assertTrue(DatasetOpener.isMatPath(dir.resolve("ex4data1.mat")));
    }
}

package org.hiddenneurons.core.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ThreadFailureTest {

    @Test
    void aRuntimeExceptionOrAnErrorIsThrownAsItWas() {
        IllegalArgumentException bug = new IllegalArgumentException("bug");
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");

        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> ThreadFailure.rethrow(bug)));
        assertSame(full, assertThrows(OutOfMemoryError.class, () -> ThreadFailure.rethrow(full)));
    }

    @Test
    void noFailureOrACheckedOneIsLeftToTheCaller() {
        assertDoesNotThrow(() -> ThreadFailure.rethrow(null));
        assertDoesNotThrow(() -> ThreadFailure.rethrow(new IOException("the caller wraps this")));
    }
}

package org.hiddenneurons.core.kernel;

import java.util.Optional;

/**
 * Chooses the {@link MatrixKernel} for this JVM, Lucene-style: the Vector API implementation when
 * the incubator module {@code jdk.incubator.vector} is in the boot layer (run with
 * {@code --add-modules=jdk.incubator.vector}) and the vectors are wider than one double; the
 * plain-loop implementation otherwise, so {@code java -jar} without the flag still works.
 */
public final class Kernels {

    /** The incubator module holding the Vector API in JDK 17. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL_CLASS = "org.hiddenneurons.core.kernel.VectorKernel";

    private static final Optional<MatrixKernel> VECTOR = loadVector();

    private Kernels() {
    }

    /** The fastest kernel available: {@link #vector()} if present, else {@link #plain()}. */
    public static MatrixKernel best() {
        return VECTOR.orElse(PlainKernel.INSTANCE);
    }

    /** The plain-loop kernel, available everywhere. */
    public static MatrixKernel plain() {
        return PlainKernel.INSTANCE;
    }

    /** The Vector API kernel, or empty when the module is absent or vectors hold a single double. */
    public static Optional<MatrixKernel> vector() {
        return VECTOR;
    }

    private static Optional<MatrixKernel> loadVector() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.empty();
        }
        try {
            // Loaded reflectively so that this class links without the module.
            Class<?> type = Class.forName(VECTOR_KERNEL_CLASS);
            int lanes = (int) type.getDeclaredMethod("lanes").invoke(null);
            if (lanes < 2) {
                return Optional.empty();
            }
            MatrixKernel kernel = (MatrixKernel) type.getDeclaredConstructor().newInstance();
            return Optional.of(kernel);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }
}

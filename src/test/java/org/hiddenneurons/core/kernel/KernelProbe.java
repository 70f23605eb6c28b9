package org.hiddenneurons.core.kernel;

/** Prints the name of {@link Kernels#best()}: run in a child JVM by {@link KernelFallbackTest}. */
public final class KernelProbe {

    private KernelProbe() {
    }

    public static void main(String[] args) {
        System.out.println(Kernels.best().name());
    }
}

package org.hiddenneurons.ui.work;

import org.hiddenneurons.core.ForwardPass;
import org.hiddenneurons.core.Network;

/**
 * The drawing's forward pass, computed once and shared by every view that needs it (the
 * prediction and the tiles through {@code PredictionViewModel}, the dossier and the explanation
 * through {@code DossierModel}): it remembers the last (network, input) pair — by identity, since
 * networks in use are immutable copies and a preprocessing result's input array is never modified
 * — and computes again only for another pair. So a drag step runs the network once, however many
 * views follow the drawing. FX thread only.
 */
public final class SharedForwardPass {

    private Network lastNetwork;
    private double[] lastInput;
    private ForwardPass lastPass;
    private long computed;

    /**
     * {@code network.forward(input)}, computed only if this pair is not the last one asked for.
     *
     * @param input length network.spec().inputSize(); not modified, and never modified afterwards
     */
    public ForwardPass forward(Network network, double[] input) {
        if (network != lastNetwork || input != lastInput) {
            lastPass = network.forward(input);
            lastNetwork = network;
            lastInput = input;
            computed++;
        }
        return lastPass;
    }

    /** How many passes were computed (for tests and benchmarks). */
    public long computedCount() {
        return computed;
    }
}

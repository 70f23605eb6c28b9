package org.hiddenneurons.train;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Deskew;
import org.hiddenneurons.data.InputBlur;

/**
 * The deskewed copies of the data sets in use (then blurred, when the model also names the input
 * blur step: {@link TrainingConfig#inputBlur()}), made once and shared: the window's data views
 * (through its model's steps) and its trainer both prepare the same split with
 * {@link TrainingConfig#prepare(Dataset)}, and a deskewed copy cannot be stored as 8-bit levels —
 * 60 000 × 784 images are 376 MB of doubles — so two copies would not fit beside each other in 1 GB.
 *
 * <p>Keyed by the raw data set's identity (data sets are immutable) and the blur's σ (0 = none); a
 * copy is one array of doubles from start to end (each image deskewed through a one-image buffer,
 * then blurred where it lies), so its peak memory is the copy itself. Raw and copy are both held
 * weakly, so a copy lives as long as someone uses it, and at most {@link #KEPT} are remembered.
 * Thread-safe: a caller asking while a copy is being made waits for it.
 */
final class DeskewedCopies {

    /** Copies remembered: a split's train and test set, with room for the next model's. */
    static final int KEPT = 4;

    private record Entry(WeakReference<Dataset> raw, double inputBlur, WeakReference<Dataset> deskewed) {
    }

    /** Most recently made first. Guarded by the class lock. */
    private static final List<Entry> ENTRIES = new ArrayList<>();

    private DeskewedCopies() {
    }

    /**
     * {@link Deskew#apply(Dataset)} of {@code raw}, then {@link InputBlur#apply(Dataset, double)} of σ
     * {@code inputBlur} when positive; the same object as last time while it is in use.
     */
    static synchronized Dataset of(Dataset raw, double inputBlur) {
        for (Entry entry : ENTRIES) {
            if (entry.raw().get() == raw && entry.inputBlur() == inputBlur) {
                Dataset kept = entry.deskewed().get();
                if (kept != null) {
                    return kept;
                }
            }
        }
        // One full-size array from start to end: deskewed, then blurred where it lies (a blurred copy
        // of a deskewed copy held two, and ran out of a 1 GB heap on Fashion-MNIST's 70 000 images).
        double[] pixels = Deskew.deskewedPixels(raw);
        if (inputBlur > 0) {
            InputBlur.blurInPlace(pixels, raw.width(), raw.height(), inputBlur);
        }
        Dataset made = new Dataset(raw.name(), raw.width(), raw.height(), raw.classCount(), pixels, raw.labels());
        ENTRIES.removeIf(entry -> entry.raw().get() == null
                || (entry.raw().get() == raw && entry.inputBlur() == inputBlur) || entry.deskewed().get() == null);
        ENTRIES.add(0, new Entry(new WeakReference<>(raw), inputBlur, new WeakReference<>(made)));
        while (ENTRIES.size() > KEPT) {
            ENTRIES.remove(ENTRIES.size() - 1);
        }
        return made;
    }
}

package org.hiddenneurons.train;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Deskew;

/**
 * The deskewed copies of the data sets in use, made once and shared: the window's data views
 * (through its model's steps) and its trainer both prepare the same split with
 * {@link TrainingConfig#prepare(Dataset)}, and a deskewed copy cannot be stored as 8-bit levels —
 * 60 000 × 784 images are 376 MB of doubles — so two copies would not fit beside each other in 1 GB.
 *
 * <p>Keyed by the raw data set's identity (data sets are immutable); raw and copy are both held
 * weakly, so a copy lives as long as someone uses it, and at most {@link #KEPT} are remembered.
 * Thread-safe: a caller asking while a copy is being made waits for it.
 */
final class DeskewedCopies {

    /** Copies remembered: a split's train and test set, with room for the next model's. */
    static final int KEPT = 4;

    private record Entry(WeakReference<Dataset> raw, WeakReference<Dataset> deskewed) {
    }

    /** Most recently made first. Guarded by the class lock. */
    private static final List<Entry> ENTRIES = new ArrayList<>();

    private DeskewedCopies() {
    }

    /** {@link Deskew#apply(Dataset)} of {@code raw}, the same object as last time while it is in use. */
    static synchronized Dataset of(Dataset raw) {
        for (Entry entry : ENTRIES) {
            if (entry.raw().get() == raw) {
                Dataset kept = entry.deskewed().get();
                if (kept != null) {
                    return kept;
                }
            }
        }
        Dataset made = Deskew.apply(raw);
        ENTRIES.removeIf(entry -> entry.raw().get() == null || entry.raw().get() == raw
                || entry.deskewed().get() == null);
        ENTRIES.add(0, new Entry(new WeakReference<>(raw), new WeakReference<>(made)));
        while (ENTRIES.size() > KEPT) {
            ENTRIES.remove(ENTRIES.size() - 1);
        }
        return made;
    }
}

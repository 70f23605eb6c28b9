package org.hiddenneurons.ui;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hiddenneurons.data.Split;

/**
 * A {@link ModelInputSteps.Preparer} that only queues: the test runs each preparation when it
 * chooses, as the window's background thread would later, and sees what the FX thread saw meanwhile.
 */
final class QueuedPreparer implements ModelInputSteps.Preparer {

    final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void submit(Callable<Split> work, Consumer<Split> onSuccess, Consumer<Throwable> onFailure) {
        queued.add(() -> {
            Split result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        });
    }

    /** Runs the oldest queued preparation (its result delivered at once, as the FX hop would). */
    void runNext() {
        queued.remove().run();
    }
}

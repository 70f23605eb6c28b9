package org.hiddenneurons.ui;

import java.util.ArrayList;
import java.util.List;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.TrainingConfig;

/** Records what the view model asks; the test plays the trainer by calling the listener. */
final class FakeTrainingEngine implements TrainingEngine {

    record Call(String action, TrainingConfig config, Network start) {
    }

    final List<Call> calls = new ArrayList<>();
    TrainingEngine.Listener listener;
    long lastId;
    long epochDelayMillis;
    /** The last pacing the view model asked for. */
    org.hiddenneurons.train.Pacing pacing = org.hiddenneurons.train.Pacing.FULL_SPEED;
    /** The data of the last run or step. */
    Split lastData;
    /** When true, step() reuses the last id (a continued step trainer). */
    boolean continueSteps;

    @Override
    public void setListener(TrainingEngine.Listener listener) {
        this.listener = listener;
    }

    @Override
    public long run(TrainingConfig config, Network start, Split data) {
        calls.add(new Call("run", config, start));
        lastData = data;
        return ++lastId;
    }

    @Override
    public long step(TrainingConfig config, Network start, Split data) {
        calls.add(new Call("step", config, start));
        lastData = data;
        return continueSteps && lastId > 0 ? lastId : ++lastId;
    }

    @Override
    public void pause() {
        calls.add(new Call("pause", null, null));
    }

    @Override
    public void resume() {
        calls.add(new Call("resume", null, null));
    }

    @Override
    public void cancel() {
        calls.add(new Call("cancel", null, null));
    }

    @Override
    public void setEpochDelayMillis(long millis) {
        epochDelayMillis = millis;
    }

    @Override
    public void setPacing(org.hiddenneurons.train.Pacing newPacing) {
        pacing = newPacing;
    }

    List<String> actions() {
        return calls.stream().map(Call::action).toList();
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}

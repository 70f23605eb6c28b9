package org.hiddenneurons.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The real window before any run: both empty charts already span the run Train would start (a new
 * network's default 0–35 rather than a fixed 0–25, the bundled model's next 35 epochs) and follow
 * the epochs field, as a run's charts span its planned run.
 */
class EmptyChartsWindowTest extends WindowTestBase {

    private NumberAxis epochAxis(String chartId) {
        return onFx(() -> (NumberAxis) ((LineChart<?, ?>) view.lookup("#" + chartId)).getXAxis());
    }

    /** Waits until both charts' epoch axes read lower–upper. */
    private void waitForAxes(double lower, double upper) throws TimeoutException {
        NumberAxis loss = epochAxis(TrainingCharts.LOSS_CHART_ID);
        NumberAxis accuracy = epochAxis(TrainingCharts.ACCURACY_CHART_ID);
        try {
            waitFor(() -> loss.getLowerBound() == lower && loss.getUpperBound() == upper
                    && accuracy.getLowerBound() == lower && accuracy.getUpperBound() == upper);
        } catch (TimeoutException e) {
            assertEquals(lower + "–" + upper, onFx(() -> loss.getLowerBound() + "–" + loss.getUpperBound()
                    + " / " + accuracy.getLowerBound() + "–" + accuracy.getUpperBound()));
            throw e;
        }
    }

    @Test
    void theEmptyChartsSpanThePlannedRunAndFollowTheEpochsField(FxRobot robot) throws TimeoutException {
        waitFor(() -> model.dataReadyProperty().get());
        int trained = onFx(() -> model.epochProperty().get());
        int epochs = onFx(() -> model.settings().epochsProperty().get());
        waitForAxes(TrainingCharts.emptyEpochAxis(trained, trained + epochs)[0], trained + epochs);

        robot.interact(() -> robot.lookup("#" + WorkbenchView.NEW_NETWORK_BUTTON_ID).queryButton().fire());
        waitForAxes(0, epochs);
        assertEquals(5.0, onFx(() -> epochAxis(TrainingCharts.LOSS_CHART_ID).getTickUnit()), "0, 5 … 35");

        robot.interact(() -> model.settings().epochsProperty().set(20));
        waitForAxes(0, 20);
        robot.interact(() -> model.settings().epochsProperty().set(60));
        waitForAxes(0, 60);
    }
}

package org.hiddenneurons.ui.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.eval.ConfusionMatrix;
import org.hiddenneurons.ui.Themes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    private static final long WAIT_SECONDS = 20;
    private static Split digits;
    private static Network network;

    private final SimpleObjectProperty<Network> networkProperty = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Split> splitProperty = new SimpleObjectProperty<>();
    private EvaluationView view;
    private Scene scene;

    @BeforeAll
    static void loadData() {
        digits = DigitsImage.loadBundled().standardSplit();
        network = EvalFixtures.templateNetwork(digits.train());
    }

    @Start
    void start(Stage stage) {
        view = new EvaluationView(networkProperty, splitProperty, new BackgroundWork());
        view.textsProperty().set(EvaluationView.Texts.ENGLISH); // the captions below are asserted in English
        scene = new Scene(view, 1000, 760);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    private ConfusionMatrix showNetwork(FxRobot robot) throws Exception {
        robot.interact(() -> {
            splitProperty.set(digits);
            networkProperty.set(network);
        });
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> view.matrixProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view.matrixProperty().get();
    }

    @Test
    void showsTheTestSplitMatrixWithTheMostConfusedCellOpen(FxRobot robot) throws Exception {
        ConfusionMatrix matrix = showNetwork(robot);
        assertEquals(digits.test().size(), matrix.total());
        assertTrue(matrix.accuracy() > 0.5, "the template network is better than chance: " + matrix.accuracy());
        int[] worst = matrix.mostConfused();
        assertArrayEquals(worst, view.getSelectedCell());
        assertEquals(matrix.count(worst[0], worst[1]), view.galleryTiles().size());
        Label count = (Label) ((javafx.scene.layout.StackPane) view.cellNode(3, 3)).getChildren().get(1);
        assertEquals(Integer.toString(matrix.count(3, 3)), count.getText());
        robot.interact(() -> EvalFixtures.snapshotIfAsked(view, "evaluation-light"));
        robot.interact(() -> Themes.apply(scene, Themes.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> EvalFixtures.snapshotIfAsked(view, "evaluation-dark"));
    }

    @Test
    void clickingAnOffDiagonalCellShowsItsImages(FxRobot robot) throws Exception {
        ConfusionMatrix matrix = showNetwork(robot);
        int[] worst = matrix.mostConfused();
        int[] target = null;
        for (int t = 0; t < 10 && target == null; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != p && matrix.count(t, p) > 0 && !(t == worst[0] && p == worst[1])) {
                    target = new int[] {t, p};
                    break;
                }
            }
        }
        assertNotNull(target, "the template network makes more than one kind of mistake");
        robot.clickOn(view.cellNode(target[0], target[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(target, view.getSelectedCell());
        assertEquals(matrix.count(target[0], target[1]), view.galleryTiles().size());
        assertTrue(view.galleryCaptionText().startsWith("True " + target[0] + ", predicted " + target[1]),
                view.galleryCaptionText());
        Label caption = (Label) ((javafx.scene.layout.VBox) view.galleryTiles().get(0)).getChildren().get(1);
        assertEquals(target[0] + " \u2192 " + target[1], caption.getText());
    }

    @Test
    void noNetworkShowsNothingAndAMismatchShowsTheError(FxRobot robot) throws Exception {
        assertNull(view.matrixProperty().get());
        ConfusionMatrix first = showNetwork(robot);
        assertNotNull(first);
        Network wrongSize = new Network(new org.hiddenneurons.core.NetworkSpec(10, 10, 5, 10,
                org.hiddenneurons.core.Activation.SIGMOID, org.hiddenneurons.core.OutputLayer.SIGMOID_CROSS_ENTROPY),
                new double[5 * 101], new double[10 * 6]);
        robot.interact(() -> networkProperty.set(wrongSize));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> view.errorProperty().get() != null);
        assertTrue(view.errorProperty().get().contains("the network expects 10x10"), view.errorProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.matrixProperty().get());
    }
}

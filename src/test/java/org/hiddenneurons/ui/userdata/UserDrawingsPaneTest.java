package org.hiddenneurons.ui.userdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hiddenneurons.ui.work.BackgroundWork;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.DigitsImage;
import org.hiddenneurons.data.UserDrawings;
import org.hiddenneurons.ui.Themes;
import org.hiddenneurons.ui.eval.EvalFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class UserDrawingsPaneTest {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    static Path dir;

    private UserDrawingsPane pane;
    private UserDrawings store;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path storeDir = Files.createTempDirectory(dir, "drawings");
        store = new UserDrawings(storeDir);
        pane = new UserDrawingsPane(store, new BackgroundWork());
        scene = new Scene(pane, 520, 360);
        Themes.apply(scene, Themes.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    private void waitForTiles(int count) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> pane.listingProperty().get() != null
                && pane.listingProperty().get().drawings().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(count, pane.tileNodes().size());
    }

    @Test
    void addButtonStoresTheCurrentDrawingWithTheChosenDigitAndDeleteRemovesIt(FxRobot robot) throws Exception {
        waitForTiles(0);
        Dataset digits = DigitsImage.loadBundled();
        int sampleOfFour = 4 * 500 + 7;
        robot.interact(() -> {
            pane.digitProperty().set(4);
            pane.currentInputProperty().set(digits.sample(sampleOfFour));
        });
        robot.clickOn(".hn-primary");
        waitForTiles(1);
        UserDrawings.Drawing stored = store.list().drawings().get(0);
        assertEquals(4, stored.label());
        assertEquals(digits.sample(sampleOfFour)[210], stored.input()[210], 1e-4);

        for (int i = 0; i < 7; i++) {
            int d = i;
            robot.interact(() -> {
                pane.digitProperty().set(d);
                pane.currentInputProperty().set(digits.sample(d * 500 + 11));
                pane.addCurrent();
            });
        }
        waitForTiles(8);
        robot.interact(() -> EvalFixtures.snapshotIfAsked(pane, "user-drawings-light"));
        robot.interact(() -> Themes.apply(scene, Themes.Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> EvalFixtures.snapshotIfAsked(pane, "user-drawings-dark"));

        Node oldest = pane.tileNodes().get(pane.tileNodes().size() - 1);
        assertEquals(stored.id(), oldest.getUserData());
        Button delete = (Button) ((HBox) ((VBox) oldest).getChildren().get(1)).getChildren().get(1);
        robot.clickOn(delete);
        waitForTiles(7);
        assertTrue(store.list().drawings().stream().noneMatch(d -> d.id().equals(stored.id())));
    }

    @Test
    void addIsDisabledWhileNothingIsDrawn(FxRobot robot) throws Exception {
        waitForTiles(0);
        assertTrue(robot.lookup(".hn-primary").queryButton().isDisabled());
        robot.interact(() -> pane.currentInputProperty().set(new double[400]));
        assertTrue(!robot.lookup(".hn-primary").queryButton().isDisabled());
    }
}

package org.hiddenneurons.ui.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.WeightBuffers;
import org.hiddenneurons.ui.ComponentFixtures;
import org.hiddenneurons.viz.DivergingPalette;
import org.hiddenneurons.viz.WeightPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Δ view: tiles show Θ1 − Θ1 of the previous network on their own symmetric scale. */
@ExtendWith(ApplicationExtension.class)
class HiddenUnitGridDeltaTest {

    private static final int UNIT = 4;
    private static final int COLUMNS = 401;
    private HiddenUnitGrid grid;
    private Network before;
    private Network after;

    @Start
    void start(Stage stage) {
        before = ComponentFixtures.blobNetwork(NetworkSpec.DEFAULT, ComponentFixtures.SEED);
        WeightBuffers changed = before.mutableCopy();
        // Unit 4 changes at two pixels, by +0.3 at (2, 1) and −0.1 at (10, 10); nothing else moves.
        changed.theta1()[UNIT * COLUMNS + 1 + 20 + 2] += 0.3;
        changed.theta1()[UNIT * COLUMNS + 1 + 10 * 20 + 10] -= 0.1;
        after = changed.toNetwork();
        grid = new HiddenUnitGrid();
        grid.setScale(WeightPictures.Scale.PER_UNIT);
        grid.setNetwork(before);
        grid.setNetwork(after);
        stage.setScene(new Scene(new StackPane(grid)));
        stage.show();
    }

    @Test
    void deltaTilesShowTheChangeOnTheirOwnScale(FxRobot robot) {
        assertFalse(grid.showsDelta());
        robot.interact(grid::toggleDeltaView);
        assertTrue(grid.showsDelta());
        HiddenUnitTile tile = grid.getTiles().get(UNIT);
        int scale = tile.getImageScale();
        PixelReader pixels = tile.image().getPixelReader();
        DivergingPalette palette = grid.paletteProperty().get();
        // The unit's largest |Δ| is 0.3: +0.3 is the full positive colour, −0.1 a third of the negative.
        assertEquals(palette.argb(1.0, 1.0), pixels.getArgb(2 * scale, scale));
        assertEquals(palette.argb(-0.1, 0.3), pixels.getArgb(10 * scale, 10 * scale));
        assertEquals(palette.argb(0.0, 1.0), pixels.getArgb(0, 0), "unchanged weights are the zero colour");
        // A unit that did not change at all is uniformly the zero colour.
        assertEquals(palette.argb(0.0, 1.0), grid.getTiles().get(0).image().getPixelReader().getArgb(5 * scale, 5 * scale));

        robot.interact(grid::toggleDeltaView);
        double weight = after.theta1Copy()[UNIT * COLUMNS + 1];
        assertEquals(palette.argb(weight, WeightPictures.maxAbs(after.theta1Copy(), after.spec(), UNIT)),
                tile.image().getPixelReader().getArgb(0, 0), "off again: the weights");
    }
}

package org.hiddenneurons.ui;

import org.hiddenneurons.data.StrokeRasterizer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.hiddenneurons.ui.controls.Styles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DrawingPadTest {

    /** Coverage sums are areas in pixels; anti-aliased edges make them approximate. */
    private static final double AREA_TOLERANCE = 0.03;
    private static final int SIZE = 64;

    private DrawingPad pad;

    @Start
    void start(Stage stage) {
        pad = new DrawingPad();
        // The pad at exactly its raster size: pad coordinates are raster pixels in these tests.
        pad.setMinSize(DrawingPad.DEFAULT_SIZE, DrawingPad.DEFAULT_SIZE);
        pad.setMaxSize(DrawingPad.DEFAULT_SIZE, DrawingPad.DEFAULT_SIZE);
        // TestFX reuses one stage for every test class; a window test before this one may have set
        // the app's minimum window size, which would otherwise stretch the pad.
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        StackPane root = new StackPane(pad);
        Scene scene = new Scene(root, DrawingPad.DEFAULT_SIZE, DrawingPad.DEFAULT_SIZE);
        Styles.install(scene);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    // ---- rasteriser (pure) ----

    @Test
    void dotCoversAboutACircleOfThePenRadius() {
        float[] coverage = new float[SIZE * SIZE];
        double radius = 10;
        StrokeRasterizer.drawPolyline(new double[] {32, 32}, radius, coverage, SIZE, SIZE);
        assertEquals(Math.PI * radius * radius, sum(coverage), Math.PI * radius * radius * AREA_TOLERANCE);
        assertEquals(1f, coverage[32 * SIZE + 32]);
        assertEquals(0f, coverage[32 * SIZE + 32 + 12]);
    }

    @Test
    void lineCoversACapsuleAndOverlapsNeverCountTwice() {
        float[] once = new float[SIZE * SIZE];
        double radius = 4;
        double[] line = {10, 30, 50, 30};
        StrokeRasterizer.drawPolyline(line, radius, once, SIZE, SIZE);
        double capsule = 2 * radius * 40 + Math.PI * radius * radius;
        assertEquals(capsule, sum(once), capsule * AREA_TOLERANCE);
        float[] twice = once.clone();
        StrokeRasterizer.drawPolyline(line, radius, twice, SIZE, SIZE);
        assertEquals(sum(once), sum(twice));
        for (float c : twice) {
            assertTrue(c >= 0 && c <= 1);
        }
    }

    @Test
    void smoothingStartsAndEndsAtTheStrokeEndsAndPassesMidpoints() {
        double[] xy = StrokeRasterizer.smooth(new double[] {0, 0, 20, 0, 20, 20, 40, 20});
        assertEquals(0, xy[0]);
        assertEquals(0, xy[1]);
        assertEquals(40, xy[xy.length - 2]);
        assertEquals(20, xy[xy.length - 1]);
        assertTrue(containsPoint(xy, 20, 10), "midpoint of the middle segment is on the curve");
        for (int i = 2; i < xy.length; i += 2) {
            double step = Math.hypot(xy[i] - xy[i - 2], xy[i + 1] - xy[i - 1]);
            assertTrue(step <= 10 + 1e-9, "pieces stay short: " + step);
        }
    }

    @Test
    void drawingIsWhiteInkOnBlackAtTheRasterSize() {
        int[] argb = StrokeRasterizer.toArgb(new float[] {0f, 1f, 0.5f});
        assertEquals(0xff000000, argb[0]);
        assertEquals(0xffffffff, argb[1]);
        assertEquals(0xff808080, argb[2]);
    }

    // ---- the pad on screen ----

    @Test
    void robotDragPublishesInkBeforeReleaseThenUndoAndClearEmptyThePad(FxRobot robot) {
        List<DrawingPad.Drawing> seen = new ArrayList<>();
        robot.interact(() -> pad.drawingProperty().addListener((obs, old, now) -> seen.add(now)));
        robot.moveTo(screen(60, 60));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(screen(120, 80));
        robot.moveTo(screen(200, 200));
        WaitForAsyncUtils.waitForFxEvents();
        int beforeRelease = seen.size();
        assertTrue(beforeRelease >= 2, "a drawing per drag step before release, got " + beforeRelease);
        DrawingPad.Drawing duringDrag = seen.get(seen.size() - 1);
        assertFalse(duringDrag.empty());
        assertTrue(inkAt(duringDrag, 200, 200) > 0.9, "ink under the pointer while dragging");
        assertEquals(0, pad.strokeCount(), "the stroke is not finished yet");
        robot.moveTo(screen(90, 230));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pad.strokeCount());
        assertNotSame(duringDrag, pad.getDrawing());
        int[][] replayed = new int[1][];
        robot.interact(() -> {
            DrawingPad fresh = new DrawingPad();
            fresh.addStroke(pad.getStrokes().get(0));
            replayed[0] = fresh.getDrawing().argb();
        });
        assertArrayEquals(replayed[0], pad.getDrawing().argb(),
                "drawing step by step gives exactly the raster of the whole stroke");

        robot.interact(pad::undo);
        assertTrue(pad.isEmpty());
        assertTrue(pad.getDrawing().empty());
        assertEquals(0.0, totalInk(pad.getDrawing()));

        robot.interact(() -> ComponentFixtures.seven().forEach(pad::addStroke));
        assertEquals(2, pad.strokeCount());
        robot.interact(pad::undo);
        assertEquals(1, pad.strokeCount());
        assertFalse(pad.isEmpty());
        robot.interact(pad::clear);
        assertTrue(pad.isEmpty());
        assertEquals(0.0, totalInk(pad.getDrawing()));
    }

    @Test
    void programmaticStrokeInksWhereItIsAndAThickerPenInksMore(FxRobot robot) {
        robot.interact(() -> pad.addStroke(List.of(new Point2D(40, 140), new Point2D(240, 140))));
        DrawingPad.Drawing thin = pad.getDrawing();
        assertTrue(inkAt(thin, 140, 140) > 0.99);
        assertEquals(0.0, inkAt(thin, 140, 40));
        robot.interact(() -> pad.setPenWidth(DrawingPad.DEFAULT_PEN_WIDTH * 2));
        assertTrue(totalInk(pad.getDrawing()) > 1.5 * totalInk(thin));
        robot.interact(pad::clear);
    }

    /**
     * The screen picture is painted piece by piece while dragging (settled segments once, the moving
     * end again each time): it must look like the same stroke painted whole, during the drag and
     * after the release.
     */
    @Test
    void aStrokeDrawnDragByDragLooksLikeTheSameStrokePaintedWhole(FxRobot robot) {
        for (int steps : ARC_STEPS) { // small steps as from a mouse, large ones as from a fast hand
            assertLooksPaintedWhole(robot, steps);
        }
    }

    private void assertLooksPaintedWhole(FxRobot robot, int steps) {
        int[][] pictures = new int[3][];
        robot.interact(() -> {
            pad.clear();
            mouse(MouseEvent.MOUSE_PRESSED, arcX(0, steps), arcY(0, steps));
            for (int i = 1; i <= steps; i++) {
                mouse(MouseEvent.MOUSE_DRAGGED, arcX(i, steps), arcY(i, steps));
            }
            pictures[0] = screenPixels();
            mouse(MouseEvent.MOUSE_RELEASED, arcX(steps, steps), arcY(steps, steps));
            pictures[1] = screenPixels();
            List<Point2D> stroke = pad.getStrokes().get(0);
            pad.clear();
            pad.addStroke(stroke);
            pictures[2] = screenPixels();
            pad.clear();
        });
        int[] whole = pictures[2];
        assertTrue(inkPixels(whole) > 1000, "the whole stroke has ink: " + inkPixels(whole));
        for (int[] piecewise : new int[][] {pictures[0], pictures[1]}) {
            int differing = 0;
            for (int i = 0; i < whole.length; i++) {
                if (channelDifference(piecewise[i], whole[i]) > PIXEL_TOLERANCE) {
                    differing++;
                }
            }
            assertTrue(differing <= whole.length * MAX_DIFFERING_SHARE, differing + " of " + whole.length
                    + " pixels differ from the stroke painted whole (" + steps + " drags)");
        }
    }

    private static final int[] ARC_STEPS = {40, 8};
    /** Anti-aliased edges where two pieces meet are drawn twice: a little darker, not more. */
    private static final int PIXEL_TOLERANCE = 64;
    private static final double MAX_DIFFERING_SHARE = 0.002;

    private static double arcX(int step, int steps) {
        return DrawingPad.DEFAULT_SIZE * (0.5 + 0.3 * Math.cos(1.7 * Math.PI * step / steps));
    }

    private static double arcY(int step, int steps) {
        return DrawingPad.DEFAULT_SIZE * (0.5 + 0.3 * Math.sin(1.7 * Math.PI * step / steps));
    }

    private void mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        ComponentFixtures.mouse(pad, type, x, y);
    }

    /** The pad as the screen shows it (FX thread), ARGB. */
    private int[] screenPixels() {
        WritableImage image = pad.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return argb;
    }

    /** Pixels far from the pad's background (read in the middle, inside the arc). */
    private static int inkPixels(int[] argb) {
        int background = argb[argb.length / 2 + 4]; // off the arc: the pad's middle
        int count = 0;
        for (int pixel : argb) {
            if (channelDifference(pixel, background) > PIXEL_TOLERANCE) {
                count++;
            }
        }
        return count;
    }

    private static int channelDifference(int a, int b) {
        int most = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            most = Math.max(most, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return most;
    }

    @Test
    void touchStrokePublishesInkAndIgnoresASecondFinger(FxRobot robot) {
        AtomicInteger published = new AtomicInteger();
        robot.interact(() -> {
            pad.drawingProperty().addListener((obs, old, now) -> published.incrementAndGet());
            touch(TouchEvent.TOUCH_PRESSED, 1, 70, 140);
            touch(TouchEvent.TOUCH_MOVED, 1, 140, 140);
            touch(TouchEvent.TOUCH_PRESSED, 2, 30, 30);
            touch(TouchEvent.TOUCH_MOVED, 1, 210, 140);
        });
        assertTrue(published.get() >= 3);
        assertTrue(inkAt(pad.getDrawing(), 210, 140) > 0.9);
        assertEquals(0.0, inkAt(pad.getDrawing(), 30, 30), "the second finger draws nothing");
        robot.interact(() -> touch(TouchEvent.TOUCH_RELEASED, 1, 210, 140));
        assertEquals(1, pad.strokeCount());
        robot.interact(pad::clear);
    }

    private void touch(javafx.event.EventType<TouchEvent> type, int id, double x, double y) {
        Point2D scene = pad.localToScene(x, y);
        Point2D screen = pad.localToScreen(x, y);
        TouchPoint.State state = type == TouchEvent.TOUCH_PRESSED ? TouchPoint.State.PRESSED
                : type == TouchEvent.TOUCH_RELEASED ? TouchPoint.State.RELEASED : TouchPoint.State.MOVED;
        TouchPoint point = new TouchPoint(id, state, scene.getX(), scene.getY(), screen.getX(), screen.getY(), pad, null);
        Event.fireEvent(pad, new TouchEvent(pad, pad, type, point, List.of(point), id, false, false, false, false));
    }

    private Point2D screen(double drawingX, double drawingY) {
        return pad.localToScreen(drawingX, drawingY);
    }

    private static double inkAt(DrawingPad.Drawing drawing, int x, int y) {
        return (drawing.argb()[y * drawing.width() + x] & 0xff) / 255.0;
    }

    private static double totalInk(DrawingPad.Drawing drawing) {
        double total = 0;
        for (int p : drawing.argb()) {
            total += (p & 0xff) / 255.0;
        }
        return total;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    private static boolean containsPoint(double[] xy, double x, double y) {
        for (int i = 0; i < xy.length; i += 2) {
            if (Math.abs(xy[i] - x) < 1e-9 && Math.abs(xy[i + 1] - y) < 1e-9) {
                return true;
            }
        }
        return false;
    }
}

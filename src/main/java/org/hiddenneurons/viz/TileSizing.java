package org.hiddenneurons.viz;

/**
 * How a grid of hidden-unit pictures fills a box: columns × rows and the largest whole-number
 * scale of the picture that fits, so every weight is an integer square of screen pixels (crisp,
 * no resampling). Pure arithmetic, no JavaFX.
 *
 * <p>A tile is the picture ({@code inputWidth·scale × inputHeight·scale}) plus a fixed chrome
 * (frame, activation bar); tiles are {@code gap} apart. For {@code count} tiles the candidate
 * layouts are the near-square ones: {@code columns} from 1 to {@code count}, {@code rows =
 * ⌈count / columns⌉}, no empty row, no more empty cells than the square layout
 * ({@link WeightPictures#gridColumns} columns) leaves, and the longer side at most
 * {@value #MAX_ASPECT} times the shorter (so 25 units are always 5 × 5, 10 may be 5 × 2). Among them the one with the largest scale wins;
 * ties go to the squarer layout, then to more columns.
 *
 * @param columns     tiles per row
 * @param rows        rows of tiles
 * @param imageScale  screen pixels per weight pixel (≥ 1; 1 even when not even that fits)
 * @param tileWidth   inputWidth · imageScale + chromeWidth
 * @param tileHeight  inputHeight · imageScale + chromeHeight
 * @param gridWidth   columns · tileWidth + (columns − 1) · gap
 * @param gridHeight  rows · tileHeight + (rows − 1) · gap
 */
public record TileSizing(int columns, int rows, int imageScale, double tileWidth, double tileHeight,
                         double gridWidth, double gridHeight) {

    /** Longest side over shortest side of a layout still called near-square. */
    public static final double MAX_ASPECT = 2.5;

    /** The tile's side at this layout's scale without its chrome: the picture's side in screen pixels. */
    public int pictureWidth(int inputWidth) {
        return inputWidth * imageScale;
    }

    /**
     * The best near-square layout of {@code count} tiles in {@code availableWidth × availableHeight}.
     *
     * @param count        number of tiles, ≥ 1
     * @param inputWidth   picture width in weight pixels (20 for the course data)
     * @param inputHeight  picture height in weight pixels
     * @param chromeWidth  a tile's width beyond its picture
     * @param chromeHeight a tile's height beyond its picture
     * @param gap          space between neighbouring tiles
     */
    public static TileSizing fit(int count, int inputWidth, int inputHeight, double availableWidth,
                                 double availableHeight, double chromeWidth, double chromeHeight, double gap) {
        if (count < 1 || inputWidth < 1 || inputHeight < 1) {
            throw new IllegalArgumentException("count " + count + " and input " + inputWidth + "×" + inputHeight
                    + " must be positive");
        }
        int squareColumns = WeightPictures.gridColumns(count);
        int squareEmpty = squareColumns * WeightPictures.gridRows(count) - count;
        TileSizing best = null;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            if ((rows - 1) * columns >= count || columns * rows - count > squareEmpty) {
                continue; // an empty last row, or more gaps than the square layout leaves
            }
            if (Math.max(columns, rows) > MAX_ASPECT * Math.min(columns, rows)) {
                continue;
            }
            double cellWidth = (availableWidth - (columns - 1) * gap) / columns - chromeWidth;
            double cellHeight = (availableHeight - (rows - 1) * gap) / rows - chromeHeight;
            int scale = (int) Math.max(1, Math.floor(Math.min(cellWidth / inputWidth, cellHeight / inputHeight)));
            TileSizing candidate = of(columns, rows, scale, inputWidth, inputHeight, chromeWidth, chromeHeight, gap);
            if (best == null || better(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The layout of {@code columns × rows} tiles at {@code scale}. */
    public static TileSizing of(int columns, int rows, int scale, int inputWidth, int inputHeight,
                                double chromeWidth, double chromeHeight, double gap) {
        double tileWidth = inputWidth * scale + chromeWidth;
        double tileHeight = inputHeight * scale + chromeHeight;
        return new TileSizing(columns, rows, scale, tileWidth, tileHeight,
                columns * tileWidth + (columns - 1) * gap, rows * tileHeight + (rows - 1) * gap);
    }

    private static boolean better(TileSizing a, TileSizing b) {
        if (a.imageScale != b.imageScale) {
            return a.imageScale > b.imageScale;
        }
        int squarenessA = Math.abs(a.columns - a.rows);
        int squarenessB = Math.abs(b.columns - b.rows);
        if (squarenessA != squarenessB) {
            return squarenessA < squarenessB;
        }
        return a.columns > b.columns;
    }
}

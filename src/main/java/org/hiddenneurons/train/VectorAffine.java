package org.hiddenneurons.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ImageTransform#affine} without a displacement field, four pixels at a time with the
 * Vector API; the same bits as the scalar code for the maps {@link ImageTransform#vectorFits}
 * accepts. Loaded reflectively by {@link ImageTransform} (it links only when the incubator module
 * {@code jdk.incubator.vector} is present). Each thread has its own buffers.
 *
 * <p>Two passes per image (one method with both compiled to slow code: C2's node limit stopped
 * inlining the fourth gather):
 * <ol>
 *   <li>{@link #coordinates}: for each pixel p the source point s = A·(p − c − d) + c, summed in
 *       the scalar code's order ((a00·rx + a01·ry) + cx, with a00·rx per column and a01·ry per row),
 *       its floor (x0, y0), the fractions fx = sx − x0, fy = sy − y0, and the index of (x0, y0) in
 *       a copy of the image with a zero border; pixels whose four neighbours are all outside the
 *       image get the index of an all-zero 2×2 block of the border instead;</li>
 *   <li>{@link #blend}: gathers the four neighbours from the bordered copy and forms
 *       (1 − fy)·((1 − fx)·p00 + fx·p01) + fy·((1 − fx)·p10 + fx·p11), lane by lane with the
 *       scalar code's IEEE operations in its order (no fused multiply-add).</li>
 * </ol>
 * Why the bits equal the scalar code's: the floor is exact (see {@link #floor}); inside the image
 * it equals the scalar code's {@code (int)} truncation, in the band one pixel wide around it
 * {@code Math.floor}; a neighbour outside the image reads +0.0 from the border where the scalar code
 * returns 0.0; and an all-zero block gives +0.0 (fx, fy ∈ [−0, 1), so every product is ±0 and
 * every sum +0), which the scalar code returns for points with no neighbour inside.
 *
 * <p>Thread CPU per epoch of the default augmentation's resampling (4000 images, AugmenterBench
 * and docs/design-notes.md "Affine resampling, session 12"): about 8 ms against 11.3 ms.
 */
final class VectorAffine implements ImageTransform.AffineSampler {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Integer> INDEX_SPECIES = IntVector.SPECIES_128;
    private static final int LANES = SPECIES.length();
    /**
     * 1.5·2⁵²: for |v| &lt; 2⁵¹, v + MAGIC lies in [2⁵², 2⁵³), where doubles are the integers, so
     * (v + MAGIC) − MAGIC is v rounded to an integer (exactly), and for an integer n in [0, 2³¹)
     * the low 32 bits of n + MAGIC are n.
     */
    private static final double MAGIC = 0x1.8p52;
    /** Zero columns (rows) of the bordered copy left of (above) the image. */
    private static final int BORDER_BEFORE = 1;
    /** Zero columns (rows) right of (below) the image: one for the band, one more for the all-zero block. */
    private static final int BORDER_AFTER = 2;

    /** This thread's buffers. */
    private final ThreadLocal<Buffers> buffers = new ThreadLocal<>();

    /**
     * Whether the Vector API gives this JVM four-double vectors and eight-int vectors, as AVX2
     * does: the gathers are compiled to vector instructions there (measured, HotSpot 17). Called
     * reflectively by {@link ImageTransform}.
     */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize()
                && IntVector.SPECIES_PREFERRED.vectorBitSize() >= 2 * INDEX_SPECIES.vectorBitSize();
    }

    @Override
    public void affine(double[] source, int sourceOffset, double[] target, int targetOffset, int width, int height,
                       double a00, double a01, double a10, double a11, double dx, double dy) {
        Buffers own = buffers.get();
        if (own == null || own.width != width || own.height != height) {
            own = new Buffers(width, height);
            buffers.set(own);
        }
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        for (int x = 0; x < width; x++) {
            double rx = x - centreX - dx;
            own.columnX[x] = a00 * rx;
            own.columnY[x] = a10 * rx;
        }
        coordinates(width, height, a01, a11, dy, own);
        border(source, sourceOffset, width, height, own.bordered);
        blend(target, targetOffset, width, height, own);
    }

    /**
     * Fills own.fractionX, fractionY and index (see the class comment) from own.columnX, columnY.
     * A method of its own: see the class comment.
     */
    private static void coordinates(int width, int height, double a01, double a11, double dy, Buffers own) {
        double[] columnX = own.columnX;
        double[] columnY = own.columnY;
        double[] fractionX = own.fractionX;
        double[] fractionY = own.fractionY;
        int[] index = own.index;
        int stride = width + BORDER_BEFORE + BORDER_AFTER;
        double centreX = (width - 1) / 2.0;
        double centreY = (height - 1) / 2.0;
        // Index of (x0, y0) in the bordered copy, plus MAGIC: (y0 + 1)·stride + (x0 + 1).
        double originIndex = BORDER_BEFORE * stride + BORDER_BEFORE + MAGIC;
        int zeroBlock = (height + BORDER_BEFORE) * stride + width + BORDER_BEFORE;
        double zeroBlockIndex = zeroBlock + MAGIC;
        double right = width;
        double bottom = height;
        int vectorEnd = width - width % LANES;
        for (int y = 0; y < height; y++) {
            double ry = y - centreY - dy;
            double rowX = a01 * ry;
            double rowY = a11 * ry;
            int row = y * width;
            int x = 0;
            for (; x < vectorEnd; x += LANES) {
                DoubleVector sx = DoubleVector.fromArray(SPECIES, columnX, x).add(rowX).add(centreX);
                DoubleVector sy = DoubleVector.fromArray(SPECIES, columnY, x).add(rowY).add(centreY);
                VectorMask<Double> seesImage = sx.compare(VectorOperators.GT, -1.0)
                        .and(sy.compare(VectorOperators.GT, -1.0))
                        .and(sx.compare(VectorOperators.LT, right))
                        .and(sy.compare(VectorOperators.LT, bottom));
                DoubleVector x0 = floor(sx);
                DoubleVector y0 = floor(sy);
                sx.sub(x0).intoArray(fractionX, row + x);
                sy.sub(y0).intoArray(fractionY, row + x);
                DoubleVector at = y0.mul(stride).add(x0).add(originIndex).blend(zeroBlockIndex, seesImage.not());
                ((IntVector) at.reinterpretAsLongs().convertShape(VectorOperators.L2I, INDEX_SPECIES, 0))
                        .intoArray(index, row + x);
            }
            for (; x < width; x++) {
                double sx = columnX[x] + rowX + centreX;
                double sy = columnY[x] + rowY + centreY;
                int i = row + x;
                if (sx > -1 && sy > -1 && sx < width && sy < height) {
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    x0 -= sx < x0 ? 1 : 0;
                    y0 -= sy < y0 ? 1 : 0;
                    fractionX[i] = sx - x0;
                    fractionY[i] = sy - y0;
                    index[i] = (y0 + BORDER_BEFORE) * stride + x0 + BORDER_BEFORE;
                } else {
                    fractionX[i] = 0.0;
                    fractionY[i] = 0.0;
                    index[i] = zeroBlock;
                }
            }
        }
    }

    /**
     * ⌊v⌋ for |v| &lt; 2⁵¹, exactly: v rounded to an integer r (see {@link #MAGIC}), less 1 where r &gt; v.
     * (⌊−0⌋ gives +0, and v − (+0) = −0 as the scalar code's v − (int) v.)
     */
    private static DoubleVector floor(DoubleVector v) {
        DoubleVector rounded = v.add(MAGIC).sub(MAGIC);
        return rounded.sub(1.0, rounded.compare(VectorOperators.GT, v));
    }

    /** Copies the width×height image into the middle of {@code bordered}, whose border stays 0. */
    private static void border(double[] source, int sourceOffset, int width, int height, double[] bordered) {
        int stride = width + BORDER_BEFORE + BORDER_AFTER;
        int vectorEnd = width - width % LANES;
        for (int y = 0; y < height; y++) {
            int from = sourceOffset + y * width;
            int to = (y + BORDER_BEFORE) * stride + BORDER_BEFORE;
            int x = 0;
            for (; x < vectorEnd; x += LANES) {
                DoubleVector.fromArray(SPECIES, source, from + x).intoArray(bordered, to + x);
            }
            for (; x < width; x++) {
                bordered[to + x] = source[from + x];
            }
        }
    }

    /** Writes the bilinear samples of {@link #coordinates}'s points into target. A method of its own: see the class comment. */
    private static void blend(double[] target, int targetOffset, int width, int height, Buffers own) {
        double[] fractionX = own.fractionX;
        double[] fractionY = own.fractionY;
        double[] bordered = own.bordered;
        int[] index = own.index;
        int stride = width + BORDER_BEFORE + BORDER_AFTER;
        int pixels = width * height;
        int vectorEnd = pixels - pixels % LANES;
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int i = 0;
        for (; i < vectorEnd; i += LANES) {
            DoubleVector fx = DoubleVector.fromArray(SPECIES, fractionX, i);
            DoubleVector fy = DoubleVector.fromArray(SPECIES, fractionY, i);
            DoubleVector p00 = DoubleVector.fromArray(SPECIES, bordered, 0, index, i);
            DoubleVector p01 = DoubleVector.fromArray(SPECIES, bordered, 1, index, i);
            DoubleVector p10 = DoubleVector.fromArray(SPECIES, bordered, stride, index, i);
            DoubleVector p11 = DoubleVector.fromArray(SPECIES, bordered, stride + 1, index, i);
            DoubleVector gx = one.sub(fx);
            one.sub(fy).mul(gx.mul(p00).add(fx.mul(p01))).add(fy.mul(gx.mul(p10).add(fx.mul(p11))))
                    .intoArray(target, targetOffset + i);
        }
        for (; i < pixels; i++) {
            double fx = fractionX[i];
            double fy = fractionY[i];
            int at = index[i];
            target[targetOffset + i] = (1 - fy) * ((1 - fx) * bordered[at] + fx * bordered[at + 1])
                    + fy * ((1 - fx) * bordered[at + stride] + fx * bordered[at + stride + 1]);
        }
    }

    /** One thread's buffers for images of one size. */
    private static final class Buffers {
        final int width;
        final int height;
        /** a00·(x − cx − dx) and a10·(x − cx − dx) per column x. */
        final double[] columnX;
        final double[] columnY;
        /** Per pixel: fx, fy and the index of its top-left neighbour in {@link #bordered}. */
        final double[] fractionX;
        final double[] fractionY;
        final int[] index;
        /** The image with {@link #BORDER_BEFORE} zero rows and columns before it and {@link #BORDER_AFTER} after. */
        final double[] bordered;

        Buffers(int width, int height) {
            this.width = width;
            this.height = height;
            columnX = new double[width];
            columnY = new double[width];
            fractionX = new double[width * height];
            fractionY = new double[width * height];
            index = new int[width * height];
            bordered = new double[(width + BORDER_BEFORE + BORDER_AFTER) * (height + BORDER_BEFORE + BORDER_AFTER)];
        }
    }
}

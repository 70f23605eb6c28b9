package org.hiddenneurons.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Typesets a LaTeX formula with JLaTeXMath into a transparent {@link BufferedImage}, and caches the
 * images: the same (LaTeX, size, colour) returns the same image instance. Plain Java (java.awt
 * only), so the handout and the tests use it without JavaFX; the UI converts the image once per
 * cache entry (see {@code ui.FormulaImages}).
 *
 * <p>Thread-safe. Rendering takes milliseconds for the walkthrough's formulas, so callers on the
 * FX thread hand it to a background thread.
 */
public final class FormulaRenderer {

    /** Entries kept before the least recently used one is dropped (10 steps × a few sizes × 2 themes fit). */
    public static final int CACHE_ENTRIES = 256;
    /** Transparent margin around the typeset formula, in pixels. */
    public static final int INSETS = 2;

    /**
     * What to typeset.
     *
     * @param latex LaTeX in math mode, e.g. {@code "z^{2} = \\Theta^{1} a^{1}"}
     * @param size  font size in pixels (the text size setting of the page)
     * @param argb  colour of the ink as 0xAARRGGBB (the theme's text colour)
     */
    public record Key(String latex, float size, int argb) {
        public Key {
            Objects.requireNonNull(latex, "latex");
            if (!(size > 0) || Float.isInfinite(size)) {
                throw new IllegalArgumentException("formula size must be positive, got " + size);
            }
        }
    }

    private final Map<Key, BufferedImage> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** The formula typeset in display style, from the cache when it was rendered before. */
    public BufferedImage render(Key key) {
        synchronized (cache) {
            BufferedImage cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        BufferedImage image = typeset(key);
        synchronized (cache) {
            // Two threads may have typeset the same key: keep the first, so a hit is always the same instance.
            return cache.computeIfAbsent(key, k -> image);
        }
    }

    /** {@link #render(Key)} for the given parts. */
    public BufferedImage render(String latex, float size, int argb) {
        return render(new Key(latex, size, argb));
    }

    /** Number of images cached now (for tests). */
    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /**
     * Checks that {@code latex} parses, without typesetting it (e.g. when a lesson file is read).
     *
     * @throws IllegalArgumentException naming the formula and the problem when it does not parse
     */
    public static void check(String latex) {
        try {
            new TeXFormula(latex);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot typeset formula '" + latex + "': " + e.getMessage(), e);
        }
    }

    /**
     * Typesets without the cache.
     *
     * @throws IllegalArgumentException naming the formula when the LaTeX does not parse
     */
    static BufferedImage typeset(Key key) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(key.latex()).createTeXIcon(TeXConstants.STYLE_DISPLAY, key.size());
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot typeset formula '" + key.latex() + "': " + e.getMessage(), e);
        }
        icon.setInsets(new java.awt.Insets(INSETS, INSETS, INSETS, INSETS));
        Color ink = new Color(key.argb(), true);
        icon.setForeground(ink);
        BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(ink);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        return image;
    }
}

package org.hiddenneurons.core.walkthrough;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of the walkthrough (step titles, captions, table headings) in one language, from the
 * UTF-8 bundle {@code org/hiddenneurons/core/walkthrough/walkthrough.properties} (English, the
 * root) and its {@code _zh_CN} sibling (Simplified Chinese). Plain Java: the UI passes its current
 * language in, files such as the handout pass {@link Locale#ENGLISH}.
 *
 * <p>Keys are complete string literals at their call sites. Values are {@link MessageFormat}
 * patterns when arguments are given; callers pass numbers already formatted as strings so no
 * locale grouping ("1,000") sneaks in.
 */
public final class WalkthroughWords {

    /** Base name of the bundle on the class path. */
    public static final String BUNDLE = "org.hiddenneurons.core.walkthrough.walkthrough";
    /** The languages the bundle is complete in. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private WalkthroughWords() {
    }

    /** The bundle for {@code language}: Chinese for any {@code zh} locale, else English (the root). */
    public static ResourceBundle bundle(Locale language) {
        Locale bundleLocale = "zh".equals(language.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, bundleLocale, WalkthroughWords.class.getClassLoader(), NO_FALLBACK);
    }

    /**
     * The text of {@code key} in {@code language}, formatted with {@code args} when any are given.
     *
     * @throws java.util.MissingResourceException if the key is missing (a test keeps both languages complete)
     */
    public static String text(Locale language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** An integer as plain digits, for a pattern argument. */
    static String n(int value) {
        return Integer.toString(value);
    }
}

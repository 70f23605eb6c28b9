package org.hiddenneurons.io.handout;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;

/**
 * The words of the walkthrough (step titles, captions, table headings) in one language, from the
 * UTF-8 bundle {@code org/hiddenneurons/io/handout/walkthrough.properties} (English, the
 * root) and its {@code _zh_CN} sibling (Simplified Chinese). Plain Java: the UI passes its current
 * language in, files such as the handout pass {@link Locale#ENGLISH}.
 *
 * <p>Keys are complete string literals at their call sites. Values are {@link MessageFormat}
 * patterns when arguments are given; callers pass numbers already formatted as strings so no
 * locale grouping ("1,000") sneaks in.
 */
public final class WalkthroughWords {

    /** Base name of the bundle on the class path. */
    public static final String BUNDLE = "org.hiddenneurons.io.handout.walkthrough";
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

    /** The short title of {@code step} in {@code language}. */
    public static String title(WalkthroughStep step, Locale language) {
        return switch (step) {
            case INPUT -> text(language, "step.input");
            case HIDDEN_SUM -> text(language, "step.hiddenSum");
            case HIDDEN_ACTIVATION -> text(language, "step.hiddenActivation");
            case OUTPUT_SUM -> text(language, "step.outputSum");
            case OUTPUT_ACTIVATION -> text(language, "step.outputActivation");
            case COST -> text(language, "step.cost");
            case OUTPUT_ERROR -> text(language, "step.outputError");
            case HIDDEN_ERROR -> text(language, "step.hiddenError");
            case GRADIENTS -> text(language, "step.gradients");
            case UPDATE -> text(language, "step.update");
        };
    }

    /** An integer as plain digits, for a pattern argument. */
    static String n(int value) {
        return Integer.toString(value);
    }
}

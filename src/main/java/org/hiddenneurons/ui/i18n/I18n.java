package org.hiddenneurons.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;

/**
 * Every user-visible UI string, looked up by key in the resource bundles under
 * {@code org/hiddenneurons/ui/i18n/} (UTF-8 {@code .properties}; the file without a locale suffix
 * is English, {@code _zh_CN} is Simplified Chinese).
 *
 * <p>The strings are split over several bundles only so that different areas of the app keep
 * their own files ({@link #BUNDLES}); a key lives in exactly one of them and is looked up in all.
 * Keys are written in the code as complete string literals ({@code I18n.t("train.button")}), never
 * assembled from pieces, so that a test can find every key the code uses and every key no code
 * uses. Values use {@link MessageFormat} syntax when arguments are given ({@code {0}}, and
 * {@code ''} for a single quote in such values).
 *
 * <p>The language follows the system locale (Chinese for any {@code zh} locale, else English)
 * until the user picks one, which is remembered in the user's preferences. The system property
 * {@value #LANGUAGE_PROPERTY} ({@code en} or {@code zh-CN}) overrides both and makes every choice
 * last for this run only: the tests set it, so they neither depend on the machine's locale nor
 * leave a remembered language behind. Thread-safe.
 *
 * <p>The current language is static: one setting for the whole process, as in JabRef's
 * {@code Localization}, read by every {@link #t} call; a switch rebuilds the window's views
 * ({@code ArchitectureTest.ALLOWED_STATE} names it with this reason).
 */
public final class I18n {

    /** The languages the app is complete in, in menu order. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    /** Bundle base names under {@link #PACKAGE}: one per area of the app. */
    public static final List<String> BUNDLES = List.of("workbench", "pages", "data", "replay", "access");
    /** Classpath folder of the bundles. */
    public static final String PACKAGE = "org.hiddenneurons.ui.i18n";

    static final String PREFERENCE_KEY = "language";
    /** System property with a language tag ({@code en}, {@code zh-CN}) that overrides the remembered choice and the system. */
    public static final String LANGUAGE_PROPERTY = "hiddenneurons.language";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = initialLocale();

    private I18n() {
    }

    /** The current language (one of {@link #SUPPORTED}). */
    public static Locale locale() {
        return locale;
    }

    /**
     * Switches the language and remembers the choice for the next start. Views built after this
     * call use the new language (the window rebuilds its views on a switch).
     *
     * @throws IllegalArgumentException if the locale is not one of {@link #SUPPORTED}
     */
    public static void setLocale(Locale newLocale) {
        if (!SUPPORTED.contains(newLocale)) {
            throw new IllegalArgumentException("unsupported language " + newLocale + "; supported: " + SUPPORTED);
        }
        locale = newLocale;
        if (override() == null) {
            try {
                preferences().put(PREFERENCE_KEY, newLocale.toLanguageTag());
            } catch (RuntimeException e) {
                // Preferences unavailable (read-only home, sandbox): the choice lasts for this run only.
            }
        }
    }

    /**
     * The text of {@code key} in the current language, formatted with {@code args} by
     * {@link MessageFormat} when any are given.
     *
     * @return the text, or {@code "!key!"} if no bundle has the key (a test fails on such keys)
     */
    public static String t(String key, Object... args) {
        return text(locale, key, args);
    }

    /** As {@link #t}, in the given language. */
    public static String text(Locale language, String key, Object... args) {
        String pattern = lookup(language, key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language).format(args);
    }

    /**
     * A fraction as a percentage, 100·{@code fraction} with {@code decimals} decimals, in the current
     * language's style ({@code workbench.format.percent}): "94.3 %" in English, "94.3%" in Chinese;
     * "–" when the fraction is not finite.
     */
    public static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) {
            return "\u2013";
        }
        return t("workbench.format.percent", String.format(Locale.ROOT, "%." + decimals + "f", 100 * fraction));
    }

    /** Whether some bundle of {@code language} defines {@code key}. */
    public static boolean has(Locale language, String key) {
        return lookup(language, key) != null;
    }

    /** The bundle {@code baseName} (one of {@link #BUNDLES}) for exactly this language, without fallback. */
    public static ResourceBundle bundle(String baseName, Locale language) {
        Locale bundleLocale = Locale.ENGLISH.equals(language) ? Locale.ROOT : language;
        return ResourceBundle.getBundle(PACKAGE + "." + baseName, bundleLocale, I18n.class.getClassLoader(), NO_FALLBACK);
    }

    private static String lookup(Locale language, String key) {
        for (String baseName : BUNDLES) {
            ResourceBundle bundle;
            try {
                bundle = bundle(baseName, language);
            } catch (MissingResourceException e) {
                continue;
            }
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    /** The {@value #LANGUAGE_PROPERTY} override, else the remembered choice, else Chinese for a {@code zh} system locale, else English. */
    static Locale initialLocale() {
        Locale forced = override();
        if (forced != null) {
            return forced;
        }
        try {
            String saved = preferences().get(PREFERENCE_KEY, null);
            if (saved != null) {
                Locale savedLocale = Locale.forLanguageTag(saved);
                if (SUPPORTED.contains(savedLocale)) {
                    return savedLocale;
                }
            }
        } catch (RuntimeException e) {
            // Preferences unavailable: follow the system.
        }
        return systemChoice(Locale.getDefault());
    }

    /** The supported language named by {@value #LANGUAGE_PROPERTY}, or null when it is unset. */
    static Locale override() {
        String tag = System.getProperty(LANGUAGE_PROPERTY);
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return systemChoice(Locale.forLanguageTag(tag.trim().replace('_', '-')));
    }

    /** The supported language for a system locale: Chinese for any {@code zh} locale, else English. */
    public static Locale systemChoice(Locale system) {
        return "zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static Preferences preferences() {
        return Preferences.userNodeForPackage(I18n.class);
    }
}

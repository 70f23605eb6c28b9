package org.hiddenneurons.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundles and the code agree: every key the code looks up exists in every language, every key
 * a bundle defines is used by the code, both languages have the same keys and placeholders, and the
 * Chinese is a translation rather than a copy.
 *
 * <p>How keys are recognised in the code ({@code src/main/java}): a key is <em>looked up</em> when
 * it is the string literal argument of {@code I18n.t("…")}, {@code I18n.text(language, "…")} or
 * {@code I18n.has(language, "…")}; a key is <em>used</em> when it appears anywhere in the code as a
 * complete string literal (so keys chosen by a {@code switch} count too). Comments are ignored. The bundles are read as
 * files, without the parent-bundle fallback that would hide a missing Chinese key.
 */
class I18nKeysTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern LOOKUP = Pattern.compile(
            "I18n\\s*\\.\\s*(?:t|text|has)\\s*\\(\\s*(?:[\\w.()]+\\s*,\\s*)?\"([^\"\\\\]*)\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Block comments and whole-line comments: examples in Javadoc are not code. */
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|(?m)^\\s*//[^\\n]*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** Share of a bundle's Chinese values that must contain Chinese characters (the rest: symbols, names like "softmax"). */
    private static final double MIN_CHINESE_SHARE = 0.8;

    /** Bundle base name → locale ("" for English) → its properties, read from the classpath files. */
    private static final Map<String, Map<String, Properties>> BUNDLES = new TreeMap<>();
    /** Per bundle file, the keys written more than once. */
    private static final Map<String, List<String>> DUPLICATES = new TreeMap<>();
    private static final Set<String> LOOKED_UP = new TreeSet<>();
    private static final Set<String> LITERALS = new TreeSet<>();

    @BeforeAll
    static void readBundlesAndSources() throws IOException {
        for (String base : I18n.BUNDLES) {
            Map<String, Properties> languages = new TreeMap<>();
            for (Locale language : I18n.SUPPORTED) {
                String suffix = suffix(language);
                String resource = "/" + I18n.PACKAGE.replace('.', '/') + "/" + base + suffix + ".properties";
                try (InputStream in = I18n.class.getResourceAsStream(resource)) {
                    assertNotNull(in, "missing bundle file " + resource);
                    byte[] bytes = in.readAllBytes();
                    Properties properties = new Properties();
                    try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
                        properties.load(reader);
                    }
                    languages.put(suffix, properties);
                    DUPLICATES.put(resource, duplicateKeys(new String(bytes, StandardCharsets.UTF_8)));
                }
            }
            BUNDLES.put(base, languages);
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher lookup = LOOKUP.matcher(code);
                while (lookup.find()) {
                    LOOKED_UP.add(lookup.group(1));
                }
                Matcher literal = LITERAL.matcher(code);
                while (literal.find()) {
                    LITERALS.add(literal.group(1));
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeLooksUpExistsInEveryLanguage() {
        assertTrue(LOOKED_UP.size() > 50, "found only " + LOOKED_UP.size() + " lookups: is the pattern broken?");
        List<String> missing = new ArrayList<>();
        for (String key : LOOKED_UP) {
            for (Locale language : I18n.SUPPORTED) {
                if (!definedIn(key, suffix(language))) {
                    missing.add(key + " [" + language.toLanguageTag() + "]");
                }
            }
        }
        assertEquals(List.of(), missing, "keys looked up in the code but missing from a bundle");
    }

    @Test
    void everyKeyABundleDefinesIsUsedInTheCode() {
        List<String> unused = new ArrayList<>();
        forEachKey((base, key) -> {
            if (!LITERALS.contains(key)) {
                unused.add(base + ": " + key);
            }
        });
        assertEquals(List.of(), unused, "keys no code uses as a complete string literal");
    }

    @Test
    void everyKeyLivesInTheBundleItsPrefixNames() {
        List<String> misplaced = new ArrayList<>();
        forEachKey((base, key) -> {
            if (!key.startsWith(base + ".")) {
                misplaced.add(base + ": " + key);
            }
        });
        assertEquals(List.of(), misplaced);
    }

    @Test
    void everyLanguageHasTheSameKeysInEachBundle() {
        for (Map.Entry<String, Map<String, Properties>> bundle : BUNDLES.entrySet()) {
            Set<String> english = bundle.getValue().get("").stringPropertyNames();
            for (Map.Entry<String, Properties> language : bundle.getValue().entrySet()) {
                Set<String> keys = language.getValue().stringPropertyNames();
                assertEquals(new TreeSet<>(english), new TreeSet<>(keys),
                        bundle.getKey() + language.getKey() + " has other keys than " + bundle.getKey());
            }
        }
    }

    @Test
    void noBundleFileWritesAKeyTwice() {
        DUPLICATES.forEach((file, keys) -> assertEquals(List.of(), keys, file + " repeats keys (the last one wins silently)"));
    }

    @Test
    void translationsUseTheSamePlaceholdersAndAreValidPatterns() {
        List<String> problems = new ArrayList<>();
        forEachKey((base, key) -> {
            String english = BUNDLES.get(base).get("").getProperty(key);
            Set<String> expected = placeholders(english);
            for (Map.Entry<String, Properties> language : BUNDLES.get(base).entrySet()) {
                String value = language.getValue().getProperty(key);
                if (value == null) {
                    continue; // reported by everyLanguageHasTheSameKeysInEachBundle
                }
                if (!placeholders(value).equals(expected)) {
                    problems.add(base + language.getKey() + ": " + key + " has " + placeholders(value)
                            + ", English has " + expected);
                }
                if (!expected.isEmpty()) {
                    try {
                        new MessageFormat(value);
                    } catch (IllegalArgumentException e) {
                        problems.add(base + language.getKey() + ": " + key + " is no MessageFormat pattern: " + e.getMessage());
                    }
                    if (!placeholders(unquoted(value)).equals(expected)) {
                        problems.add(base + language.getKey() + ": " + key + " quotes a placeholder away (write '' for a quote)");
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void chineseValuesAreTranslationsNotCopies() {
        for (Map.Entry<String, Map<String, Properties>> bundle : BUNDLES.entrySet()) {
            Properties chinese = bundle.getValue().get(suffix(Locale.SIMPLIFIED_CHINESE));
            Set<String> keys = chinese.stringPropertyNames();
            if (keys.isEmpty()) {
                continue;
            }
            long withHan = keys.stream().filter(key -> CJK.matcher(chinese.getProperty(key)).find()).count();
            assertTrue(withHan >= MIN_CHINESE_SHARE * keys.size(), bundle.getKey() + "_zh_CN: only " + withHan + " of "
                    + keys.size() + " values contain Chinese characters");
        }
    }

    @Test
    void lookupFindsTheTranslationOfEachLanguage() {
        assertEquals("English", I18n.text(Locale.ENGLISH, "workbench.language.name"));
        assertEquals("简体中文", I18n.text(Locale.SIMPLIFIED_CHINESE, "workbench.language.name"));
        assertEquals("!workbench.no.such.key!", I18n.text(Locale.ENGLISH, "workbench.no.such.key"));
    }

    private static boolean definedIn(String key, String suffix) {
        return BUNDLES.values().stream().anyMatch(languages -> languages.get(suffix).containsKey(key));
    }

    private static void forEachKey(java.util.function.BiConsumer<String, String> action) {
        for (Map.Entry<String, Map<String, Properties>> bundle : BUNDLES.entrySet()) {
            Set<String> keys = new TreeSet<>();
            bundle.getValue().values().forEach(properties -> keys.addAll(properties.stringPropertyNames()));
            keys.forEach(key -> action.accept(bundle.getKey(), key));
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** {@code value} without MessageFormat's quoted parts ({@code ''} is a quote, {@code '…'} literal text). */
    private static String unquoted(String value) {
        return value.replace("''", "").replaceAll("'[^']*'?", "");
    }

    private static String suffix(Locale language) {
        return Locale.ENGLISH.equals(language) ? "" : "_" + language.toString();
    }

    /** Keys that start more than one logical line of a properties text (continuation lines ignored). */
    private static List<String> duplicateKeys(String text) {
        Set<String> seen = new TreeSet<>();
        List<String> repeated = new ArrayList<>();
        boolean continued = false;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            boolean startsEntry = !continued && !trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!");
            continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
            if (startsEntry) {
                String key = trimmed.split("\\s*[=:]\\s*|\\s+", 2)[0];
                if (!seen.add(key)) {
                    repeated.add(key);
                }
            }
        }
        return repeated;
    }
}

package org.hiddenneurons.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks on the teaching text (issue 17 §2) that a program can make: the digit box is 15 px
 * everywhere, J is "cost" (代价) in every string, one Chinese term per concept, no awkward
 * literal translations the review found, and the status bar says the shown J has no λ term.
 * Reads every bundle file under src/main/resources as UTF-8 text.
 */
class TeachingTextTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void theDigitBoxIs15PixelsInEveryString() throws IOException {
        assertNone(Pattern.compile("16[- ]?(px|pixel)|16 ?像素"), values(false), "16 px digit box");
        assertNone(Pattern.compile("16[- ]?(px|pixel)"), readme(), "16 px digit box in README");
    }

    @Test
    void jIsCalledCostInBothLanguages() throws IOException {
        // English: "Loss" for J was the odd one out; Chinese: 代价 only, never 损失.
        assertNone(Pattern.compile("\\b[Ll]oss\\b"), values(false), "loss for J");
        assertNone(Pattern.compile("损失"), values(true), "损失 for J");
    }

    @Test
    void chineseUsesOneTermPerConcept() throws IOException {
        List<String> zh = values(true);
        assertNone(Pattern.compile("小图"), zh, "tiles are 图块");
        assertNone(Pattern.compile("我的手写(?!数字)"), zh, "the page is 我的手写数字");
        assertNone(Pattern.compile("你的手写(?!数字)"), zh, "your drawing is 你的手写数字");
        assertNone(Pattern.compile("去掉它后准确率的下降|红/橙：兴奋（正权重）|真实偏导数|相对误差|错了多少|最难激活它的"),
                zh, "awkward strings from the review");
    }

    @Test
    void theStatusBarSaysTheShownCostHasNoRegularisation() throws IOException {
        String en = value("ui/i18n/workbench.properties", "workbench.status.loss.tooltip");
        assertTrue(en.contains("λ = 0") && !en.contains("with regularisation"), en);
        String zh = value("ui/i18n/workbench_zh_CN.properties", "workbench.status.loss.tooltip");
        assertTrue(zh.contains("λ = 0") && zh.contains("不含"), zh);
    }

    @Test
    void hiddenUnitsAreNotSaidToBeAllReadable() throws IOException {
        assertNone(Pattern.compile("each one responds to a stroke"), values(false), "each → many");
    }

    private static void assertNone(Pattern pattern, List<String> values, String what) {
        List<String> hits = values.stream().filter(v -> pattern.matcher(v).find()).toList();
        assertTrue(hits.isEmpty(), what + ": " + hits);
    }

    private static List<String> readme() throws IOException {
        return List.of(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    }

    private static String value(String relative, String key) throws IOException {
        return load(RESOURCES.resolve("org/hiddenneurons").resolve(relative)).getProperty(key);
    }

    /** Every value of every bundle file: the Chinese ones ({@code _zh_CN}) or the English ones. */
    private static List<String> values(boolean chinese) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                if (file.getFileName().toString().contains("_zh_CN") == chinese) {
                    load(file).values().forEach(v -> out.add(file.getFileName() + ": " + v));
                }
            }
        }
        return out;
    }

    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

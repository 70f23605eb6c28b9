package org.hiddenneurons.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hiddenneurons.io.handout.WalkthroughWords;
import org.hiddenneurons.ui.lesson.Lesson;
import org.hiddenneurons.ui.lesson.LessonFileException;
import org.hiddenneurons.ui.lesson.LessonFiles;
import org.junit.jupiter.api.Test;

/**
 * The Simplified Chinese text uses one term per concept (docs/glossary-zh.md) and one typographic
 * convention: full-width punctuation in Chinese sentences, one space between Chinese and Latin
 * words, numbers or Greek letters, none between two Chinese characters, and {@code 10%} without a
 * space. Checks every {@code _zh_CN} bundle value under src/main/resources beside its English value,
 * and every bundled Chinese lesson beside its English lesson. Each rule is shown to catch a seeded
 * bad string, so the test can fail.
 */
class ChineseTerminologyTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final String HAN = "\\p{IsHan}";
    /** Latin letters, digits and Greek letters, which are set off from Chinese by one space. */
    private static final String LATIN = "[A-Za-z0-9\\p{InGreek}]";

    /** A rejected spelling, the chosen one, and a bad string it must catch. */
    private record Rule(String name, Pattern rejected, String chosen, String seededBad) {
        Rule(String name, String rejected, String chosen, String seededBad) {
            this(name, Pattern.compile(rejected), chosen, seededBad);
        }
    }

    /** One Chinese text and the English text it translates. */
    private record Text(String where, String english, String chinese) {
    }

    private static final List<Rule> TERMS = List.of(
            new Rule("cost J", "损失", "代价", "训练集上的损失 J"),
            new Rule("tile", "瓦片|小图", "图块", "点击一个瓦片"),
            new Rule("epoch", "纪元|时期|周期", "轮", "第 3 个纪元"),
            new Rule("excite", "兴奋|激发", "激活（促进激活）", "红色像素使它兴奋"),
            new Rule("bias", "偏差", "偏置", "加上偏差 b"),
            new Rule("hidden layer", "隐层|隐含层", "隐藏层", "隐含层的激活值"),
            new Rule("hidden unit", "隐单元|隐藏节点|节点", "隐藏单元", "25 个隐藏节点"),
            new Rule("intact network", "原始网络|原网络", "完整网络", "恢复原始网络"),
            new Rule("logistic regression", "逻辑斯[谛蒂]回归|对数几率回归", "逻辑回归", "逻辑斯谛回归的模板"),
            new Rule("learning rate", "学习速率|学习效率", "学习率", "学习速率 α"),
            new Rule("accuracy", "准确度|正确率", "准确率", "测试正确率"),
            new Rule("compare runs", "对比训练", "训练对比（对比训练 reads as contrastive training）", "对比训练"),
            new Rule("ReLU kink", "拐点", "折点", "ReLU 的拐点"),
            new Rule("batch size", "批量大小|批次大小|小批次", "批大小、小批量", "批量大小不能超过 100"),
            new Rule("weight", "权值", "权重", "输入权值"),
            new Rule("gradient check", "梯度检查", "梯度检验", "梯度检查"),
            new Rule("regularisation", "正规化|规则化", "正则化", "L2 正规化"),
            new Rule("backpropagation", "反向传递|后向传播|逆传播", "反向传播", "误差反向传递"),
            new Rule("train / test set", "训练组|测试组", "训练集 / 测试集", "测试组上的准确率"),
            new Rule("function names", "Sigmoid|Softmax|Tanh|Relu", "sigmoid、softmax、tanh、ReLU", "Sigmoid 单元"),
            new Rule("review's awkward strings", "去掉它后准确率的下降|错了多少|最难激活它的|真实偏导数|相对误差",
                    "see the glossary", "答案错了多少"));

    private static final List<Rule> TYPOGRAPHY = List.of(
            new Rule("ASCII punctuation touching Chinese", HAN + "[,;:!?()]|[,;:!?()]" + HAN,
                    "full-width ，；：！？（）", "权重图(每个单元)"),
            new Rule("space between Chinese characters", HAN + " " + HAN, "no space", "隐藏 单元"),
            new Rule("Latin, digit or Greek touching Chinese", HAN + LATIN + "|" + LATIN + HAN,
                    "one space: 单元 12、学习率 α", "单元12的学习率α"),
            new Rule("space before %", "[0-9}] %", "10%", "至少 95 % 的数字"),
            // Runs of three or more spaces are the column gaps of the shortcut list.
            new Rule("space beside full-width punctuation", "(?<! ) {1,2}[（），。：；！？、]|[（），。：；！？、] {1,2}(?! )",
                    "no space", "准确率 （完整网络）"));

    @Test
    void chineseUsesTheGlossaryTerms() throws IOException, LessonFileException {
        assertEquals(List.of(), violations(TERMS, texts()));
    }

    @Test
    void chineseFollowsOneTypographicConvention() throws IOException, LessonFileException {
        assertEquals(List.of(), violations(TYPOGRAPHY, texts()));
    }

    @Test
    void neuronIsSaidOnlyWhereTheEnglishSaysNeuron() throws IOException, LessonFileException {
        assertEquals(List.of(), neuronMixing(texts()));
    }

    @Test
    void everyRuleCatchesItsSeededBadString() {
        for (Rule rule : Stream.concat(TERMS.stream(), TYPOGRAPHY.stream()).toList()) {
            Text bad = new Text("seeded", "x", rule.seededBad());
            assertFalse(violations(List.of(rule), List.of(bad)).isEmpty(), rule.name() + " misses " + rule.seededBad());
        }
        Text good = new Text("seeded", "Unit 12: cost J 0.3, accuracy 96 %",
                "单元 12：训练集上的代价 J 为 0.3，准确率 96%（完整网络），批大小 100。");
        assertEquals(List.of(), violations(Stream.concat(TERMS.stream(), TYPOGRAPHY.stream()).toList(), List.of(good)));
    }

    @Test
    void neuronMixingIsCaught() {
        assertFalse(neuronMixing(List.of(new Text("seeded", "Hidden unit 3", "隐藏神经元 3"))).isEmpty());
        assertTrue(neuronMixing(List.of(new Text("seeded", "Hidden Neurons", "隐藏层神经元"))).isEmpty());
    }

    @Test
    void percentagesTheCodeFormatsFollowTheLanguage() {
        // The tests run in English (pom: hiddenneurons.language=en).
        assertEquals("96.1 %", I18n.percent(0.9613, 1));
        assertEquals("90 %", I18n.percent(0.9, 0));
        assertEquals("\u2013", I18n.percent(Double.NaN, 1));
        assertEquals("96.1%", I18n.text(Locale.SIMPLIFIED_CHINESE, "workbench.format.percent", "96.1"));
        assertEquals("96.1%", WalkthroughWords.text(Locale.SIMPLIFIED_CHINESE, "format.percent", "96.1"));
        assertEquals("96.1 %", WalkthroughWords.text(Locale.ENGLISH, "format.percent", "96.1"));
    }

    private static List<String> violations(List<Rule> rules, List<Text> texts) {
        List<String> out = new ArrayList<>();
        for (Text text : texts) {
            for (Rule rule : rules) {
                var matcher = rule.rejected().matcher(text.chinese());
                if (matcher.find()) {
                    out.add(text.where() + ": " + rule.name() + " — \"" + matcher.group() + "\", use " + rule.chosen());
                }
            }
        }
        return out;
    }

    /** 神经元 (neuron) only in texts whose English says "neuron" (the app's name, the student's question). */
    private static List<String> neuronMixing(List<Text> texts) {
        return texts.stream()
                .filter(t -> t.chinese().contains("神经元") && !t.english().toLowerCase(Locale.ROOT).contains("neuron"))
                .map(t -> t.where() + ": 神经元 where the English says unit: " + t.chinese())
                .toList();
    }

    /** Every Chinese bundle value and lesson text, each with the English it translates. */
    private static List<Text> texts() throws IOException, LessonFileException {
        List<Text> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).toList()) {
                Properties chinese = TeachingTextTest.load(file);
                Properties english = TeachingTextTest.load(file.resolveSibling(file.getFileName().toString().replace("_zh_CN", "")));
                for (String key : chinese.stringPropertyNames()) {
                    out.add(new Text(file.getFileName() + ": " + key, english.getProperty(key, ""), chinese.getProperty(key)));
                }
            }
        }
        for (String id : LessonFiles.bundledIds()) {
            Lesson english = LessonFiles.bundled(id, Locale.ENGLISH);
            Lesson chinese = LessonFiles.bundled(id, Locale.SIMPLIFIED_CHINESE);
            out.add(new Text(id + " title", english.title(), chinese.title()));
            out.add(new Text(id + " summary", english.summary(), chinese.summary()));
            for (int i = 0; i < chinese.steps().size(); i++) {
                out.add(new Text(id + " step " + (i + 1), english.steps().get(i).text(), chinese.steps().get(i).text()));
            }
        }
        return out;
    }
}

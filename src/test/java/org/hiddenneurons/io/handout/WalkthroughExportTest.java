package org.hiddenneurons.io.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hiddenneurons.core.Network;
import org.hiddenneurons.core.NetworkSpec;
import org.hiddenneurons.core.walkthrough.Walkthrough;
import org.hiddenneurons.core.walkthrough.WalkthroughFixtures;
import org.hiddenneurons.core.walkthrough.WalkthroughStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WalkthroughExportTest {

    private static final int SELECTED_UNIT = 6;
    private static Walkthrough walkthrough;

    @BeforeAll
    static void walk() {
        Random random = new Random(WalkthroughFixtures.SEED);
        Network network = WalkthroughFixtures.randomNetwork(NetworkSpec.DEFAULT, random, 0.3);
        walkthrough = Walkthrough.of(network, WalkthroughFixtures.randomInput(NetworkSpec.DEFAULT, random), 7,
                Walkthrough.DEFAULT_LAMBDA, Walkthrough.DEFAULT_LEARNING_RATE);
    }

    @Test
    void csvHoldsEveryNumberOfEveryStepAtFullPrecision(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("walk.csv");
        WalkthroughCsv.write(walkthrough, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(WalkthroughCsv.HEADER, lines.get(0));
        Map<String, Double> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertEquals(5, fields.length, line);
            int step = Integer.parseInt(fields[0]);
            assertTrue(step >= 1 && step <= WalkthroughStep.values().length, line);
            values.put(fields[0] + "/" + fields[1] + "/" + fields[2] + "/" + fields[3], Double.parseDouble(fields[4]));
        }
        int expectedLines = 0;
        for (StepContent content : WalkthroughTexts.allContent(walkthrough, Locale.ENGLISH)) {
            for (Quantity quantity : content.quantities()) {
                for (int r = 0; r < quantity.rows(); r++) {
                    for (int c = 0; c < quantity.columns(); c++) {
                        String key = content.step().number() + "/" + quantity.name() + "/" + r + "/" + c;
                        assertEquals(quantity.get(r, c), values.get(key), key);
                        expectedLines++;
                    }
                }
            }
        }
        assertEquals(expectedLines, values.size());
        assertEquals(walkthrough.bigDelta1()[3 * 401 + 100], values.get("9/Delta1/3/100"));
        assertEquals(walkthrough.cost(), values.get("6/cost/0/0"));
    }

    @Test
    void handoutIsWellFormedAndHasEveryStepWithImages(@TempDir Path folder) throws Exception {
        Path base = folder.resolve("handout");
        WalkthroughHandout.writeBoth(walkthrough, SELECTED_UNIT, WalkthroughHandout.PAPER_PALETTE, base);
        Path html = folder.resolve("handout.html");
        assertTrue(Files.exists(folder.resolve("handout.csv")));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(html.toFile());
        NodeList sections = document.getElementsByTagNameNS("*", "section");
        assertEquals(WalkthroughStep.values().length, sections.getLength());
        for (WalkthroughStep step : WalkthroughStep.values()) {
            Element section = (Element) sections.item(step.ordinal());
            assertEquals("step-" + step.number(), section.getAttribute("id"));
            String text = section.getTextContent();
            Element formula = (Element) section.getElementsByTagNameNS("*", "img").item(0);
            assertEquals(WalkthroughTexts.content(walkthrough, step, Locale.ENGLISH).formula(), formula.getAttribute("alt"), step + " typeset formula");
            assertTrue(formula.getAttribute("src").startsWith("data:image/png;base64,"), step + " formula image");
            assertTrue(text.contains(WalkthroughTexts.content(walkthrough, step, Locale.ENGLISH).caption()), step + " caption");
            assertTrue(section.getElementsByTagNameNS("*", "table").getLength() > 0, step + " table");
        }
        NodeList images = document.getElementsByTagNameNS("*", "img");
        assertTrue(images.getLength() >= 1 + 2 + 25 + 25 + 3, "images: " + images.getLength());
        Element firstFigure = null;
        for (int i = 0; i < images.getLength() && firstFigure == null; i++) {
            if ("figure".equals(images.item(i).getParentNode().getLocalName())) {
                firstFigure = (Element) images.item(i);
            }
        }
        assertNotNull(firstFigure, "a figure image");
        String source = firstFigure.getAttribute("src");
        assertTrue(source.startsWith("data:image/png;base64,"));
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1))));
        assertNotNull(first);
        assertEquals(20 * WalkthroughHandout.LARGE_SCALE, first.getWidth());
        assertTrue(Files.readString(html).contains("handout.csv"));
    }

    @Test
    void handoutIsWrittenInTheLanguageAskedFor() throws Exception {
        String html = WalkthroughHandout.toHtml(walkthrough, SELECTED_UNIT, WalkthroughHandout.PAPER_PALETTE,
                "walk.csv", Locale.SIMPLIFIED_CHINESE);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("zh-CN", document.getDocumentElement().getAttribute("lang"));
        NodeList sections = document.getElementsByTagNameNS("*", "section");
        for (WalkthroughStep step : WalkthroughStep.values()) {
            String text = sections.item(step.ordinal()).getTextContent();
            assertTrue(text.contains(WalkthroughWords.title(step, Locale.SIMPLIFIED_CHINESE)), step + " title");
            assertTrue(text.contains(WalkthroughTexts.content(walkthrough, step, Locale.SIMPLIFIED_CHINESE).caption()), step + " caption");
            assertFalse(text.contains(WalkthroughTexts.content(walkthrough, step, Locale.ENGLISH).caption()), step + " has no English caption");
        }
        assertTrue(html.contains("walk.csv"));
    }

    @Test
    void writingReplacesAnOldFileAndLeavesNoTemporaryFiles(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("walk.csv");
        Files.writeString(file, "old");
        WalkthroughCsv.write(walkthrough, file);
        assertTrue(Files.readString(file).startsWith(WalkthroughCsv.HEADER));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void escapesMarkup() {
        assertEquals("a &lt; b &amp;&amp; c &gt; &quot;d&quot;", WalkthroughHandout.esc("a < b && c > \"d\""));
    }
}

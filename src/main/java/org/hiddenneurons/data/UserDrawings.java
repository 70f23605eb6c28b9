package org.hiddenneurons.data;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The user's own labelled drawings ("Add to training set as digit …"), kept in a directory so they
 * survive restarts and crashes.
 *
 * <p>Each drawing is its own small file: the preprocessed network input as a grey picture in a
 * 16-bit-per-channel RGB PNG (white ink on black, like the data; values come back within 1/131070
 * of what was stored) named
 * {@code <label>_<UTC time>_<random>.png}, e.g. {@code 7_20250301-142233-517_3fa2c1.png}. The name
 * is also the {@link ImageFolderReader}'s "3_x.png" convention, so the folder opens as a data set
 * too. A file is written to a hidden temporary name in the same directory, forced to disk and
 * then atomically renamed: a crash (even kill -9 or a power cut) leaves either the whole drawing
 * or an ignored temporary file, and never touches earlier drawings.
 *
 * <p>Not thread-safe for concurrent writers of one directory beyond what the file system gives
 * (unique names make two adds never collide). Call {@link #list()} off the UI thread.
 */
public final class UserDrawings {

    /** The application's folder inside the platform's user data directory. */
    public static final String APP_DIRECTORY = "hidden-neurons";
    /** The drawings' folder inside the application's folder. */
    public static final String DRAWINGS_DIRECTORY = "drawings";
    public static final String EXTENSION = ".png";
    /** Temporary files start with this (hidden on Unix) and are ignored by {@link #list()}. */
    /** Largest label a drawing may carry (labels are digits here, but the store is generic). */
    static final int MAX_LABEL = Labels.MAX_CLASS_COUNT - 1;
    /** Largest side of a stored input; anything bigger is not a preprocessed network input. */
    static final int MAX_SIDE = 256;
    private static final int RGB_BANDS = 3;
    /** Full scale of a 16-bit sample. */
    private static final int SAMPLE_MAX = 0xffff;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("^(\\d{1,4})_(\\d{8}-\\d{6}-\\d{3})_([0-9a-f]{6})\\.png$");
    private static final int RANDOM_HEX_DIGITS = 6;

    /**
     * One stored drawing.
     *
     * @param id      the file name without {@value #EXTENSION}; pass to {@link #delete}
     * @param label   the class it was added as
     * @param width   input width
     * @param height  input height
     * @param input   width·height values in [0, 1], row-major (x fastest)
     * @param created when it was added (millisecond precision, from the file name)
     */
    public record Drawing(String id, int label, int width, int height, double[] input, Instant created) {
    }

    /**
     * What {@link #list()} found.
     *
     * @param drawings the good drawings, oldest first
     * @param problems one per file that could not be read (corrupt, wrong name); those files are
     *                 left alone
     */
    public record Listing(List<Drawing> drawings, List<DataFormatException> problems) {

        public Listing {
            drawings = List.copyOf(drawings);
            problems = List.copyOf(problems);
        }

        /**
         * The drawings of size width×height as a data set (others are skipped), for merging with a
         * training split.
         */
        public Dataset asDataset(String name, int width, int height, int classCount) {
            List<Drawing> matching = drawings.stream().filter(d -> d.width() == width && d.height() == height).toList();
            int inputs = width * height;
            double[] pixels = new double[matching.size() * inputs];
            int[] labels = new int[matching.size()];
            for (int i = 0; i < matching.size(); i++) {
                System.arraycopy(matching.get(i).input(), 0, pixels, i * inputs, inputs);
                labels[i] = matching.get(i).label();
            }
            return new Dataset(name, width, height, classCount, pixels, labels);
        }
    }

    private final Path directory;

    /** A store in {@code directory} (created on the first {@link #add}). */
    public UserDrawings(Path directory) {
        this.directory = directory;
    }

    /** A store in {@link #defaultDirectory()}. */
    public static UserDrawings atDefaultLocation() {
        return new UserDrawings(defaultDirectory());
    }

    public Path directory() {
        return directory;
    }

    /**
     * {@code <user data directory>/hidden-neurons/drawings}: $XDG_DATA_HOME or ~/.local/share on
     * Linux and other Unix, %APPDATA% on Windows, ~/Library/Application Support on macOS.
     */
    public static Path defaultDirectory() {
        return userDataDirectory(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"))
                .resolve(APP_DIRECTORY).resolve(DRAWINGS_DIRECTORY);
    }

    /** The platform's per-user data directory (the one named place, testable with any platform). */
    static Path userDataDirectory(String osName, Map<String, String> environment, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec: a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home.resolve(".local").resolve("share");
    }

    /** Adds a square input (side = √length). */
    public Drawing add(int label, double[] input) throws IOException {
        int side = (int) Math.round(Math.sqrt(input.length));
        if (side * side != input.length) {
            throw new IllegalArgumentException("input has " + input.length + " values, not a square image");
        }
        return add(label, side, side, input);
    }

    /**
     * Stores one drawing durably (temp file → fsync → atomic rename → fsync of the directory).
     *
     * @param input width·height values, row-major; clamped to [0, 1]. Not modified
     * @return the stored drawing as {@link #list()} will read it back
     * @throws IOException if it could not be written; nothing is left behind under a drawing's name
     */
    public Drawing add(int label, int width, int height, double[] input) throws IOException {
        if (label < 0 || label > MAX_LABEL) {
            throw new IllegalArgumentException("label must be 0.." + MAX_LABEL + ", got " + label);
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || input.length != width * height) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " values (sides 1.." + MAX_SIDE
                    + "), got " + input.length);
        }
        Files.createDirectories(directory);
        Instant created = Instant.ofEpochMilli(System.currentTimeMillis());
        String id = label + "_" + TIME.format(created) + "_" + randomHex();
        BufferedImage image = newGreyRgbImage(width, height);
        WritableRaster raster = image.getRaster();
        double[] stored = new double[input.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = input[y * width + x];
                int sample = (int) Math.round(SAMPLE_MAX * (value > 0 ? Math.min(value, 1.0) : 0.0));
                for (int band = 0; band < RGB_BANDS; band++) {
                    raster.setSample(x, y, band, sample);
                }
                stored[y * width + x] = sample / (double) SAMPLE_MAX;
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer for 16-bit RGB images");
        }
        byte[] bytes = png.toByteArray();
        AtomicFiles.write(directory.resolve(id + EXTENSION), out -> out.write(bytes));
        return new Drawing(id, label, width, height, stored, created);
    }

    /**
     * Every drawing in the directory, oldest first. Temporary files are ignored; a file that cannot
     * be read is reported in {@link Listing#problems()} and the others still load. A missing
     * directory is an empty store.
     *
     * @throws IOException only if the directory itself cannot be listed
     */
    public Listing list() throws IOException {
        List<Drawing> drawings = new ArrayList<>();
        List<DataFormatException> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Listing(drawings, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (!AtomicFiles.isTempFile(name) && name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
                        && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        for (Path file : files) {
            try {
                drawings.add(read(file));
            } catch (DataFormatException e) {
                problems.add(e);
            }
        }
        drawings.sort(Comparator.comparing(Drawing::created).thenComparing(Drawing::id));
        return new Listing(drawings, problems);
    }

    /**
     * Removes a drawing.
     *
     * @return false if there was no such drawing
     */
    public boolean delete(String id) throws IOException {
        if (!NAME.matcher(id + EXTENSION).matches()) {
            throw new IllegalArgumentException("not a drawing id: " + id);
        }
        boolean deleted = Files.deleteIfExists(directory.resolve(id + EXTENSION));
        if (deleted) {
            AtomicFiles.syncFolder(directory);
        }
        return deleted;
    }

    /** Reads one drawing file. */
    static Drawing read(Path file) throws DataFormatException {
        String name = file.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw DataFormatException.at(file, "file name", "is not <label>_<yyyyMMdd-HHmmss-SSS>_<6 hex digits>.png");
        }
        int label = Integer.parseInt(matcher.group(1));
        if (label > MAX_LABEL) {
            throw DataFormatException.at(file, "file name", "label " + label + " is above " + MAX_LABEL);
        }
        Instant created;
        try {
            created = Instant.from(TIME.parse(matcher.group(2)));
        } catch (java.time.DateTimeException e) {
            throw DataFormatException.at(file, "file name", "\"" + matcher.group(2) + "\" is not a time", e);
        }
        int[] size = ImageFiles.readSize(file);
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw DataFormatException.at(file, "image header", size[0] + "x" + size[1]
                    + " is not a network input (sides 1.." + MAX_SIDE + ")");
        }
        // The stored samples (a 16-bit gray RGB drawing reads back exactly as written).
        GrayImage image = ImageFiles.read(file).composited();
        int width = image.width();
        int height = image.height();
        double[] input = image.values();
        return new Drawing(name.substring(0, name.length() - EXTENSION.length()), label, width, height, input, created);
    }

    /**
     * A 16-bit-per-channel sRGB image. Not TYPE_USHORT_GRAY: Java reads grey PNGs in a LINEAR grey
     * colour space and converts mid-tones on getRGB (0.5 → 0.74), so other readers (the image
     * folder reader, viewers) would see the drawing lighter than stored; sRGB channels are read as is.
     */
    private static BufferedImage newGreyRgbImage(int width, int height) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        return new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
    }

    private static String randomHex() {
        StringBuilder text = new StringBuilder(Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << (4 * RANDOM_HEX_DIGITS))));
        while (text.length() < RANDOM_HEX_DIGITS) {
            text.insert(0, '0');
        }
        return text.toString();
    }
}

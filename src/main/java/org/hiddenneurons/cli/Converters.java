package org.hiddenneurons.cli;

import java.util.Locale;
import org.hiddenneurons.core.Activation;
import org.hiddenneurons.core.Initializer;
import org.hiddenneurons.core.OutputLayer;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;
import org.hiddenneurons.train.OptimizerKind;
import org.hiddenneurons.viz.WeightPictures;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line spellings of the domain's choices: the stable ids the model files use too. */
final class Converters {

    private Converters() {
    }

    static final class ActivationConverter implements ITypeConverter<Activation> {
        @Override
        public Activation convert(String value) {
            try {
                return Activation.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OutputLayerConverter implements ITypeConverter<OutputLayer> {
        @Override
        public OutputLayer convert(String value) {
            try {
                return OutputLayer.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class InitializerConverter implements ITypeConverter<Initializer> {
        @Override
        public Initializer convert(String value) {
            try {
                return Initializer.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class OptimizerConverter implements ITypeConverter<OptimizerKind> {
        @Override
        public OptimizerKind convert(String value) {
            try {
                return OptimizerKind.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Which samples of a data set a command looks at (always the standard split). */
    enum SplitChoice {
        TRAIN("train"), TEST("test"), ALL("all");

        private final String id;

        SplitChoice(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        /** The chosen part of {@code split} ({@link Split#whole} for all: a copy). */
        Dataset select(Split split) {
            return switch (this) {
                case TRAIN -> split.train();
                case TEST -> split.test();
                case ALL -> split.whole();
            };
        }
    }

    static final class SplitConverter implements ITypeConverter<SplitChoice> {
        @Override
        public SplitChoice convert(String value) {
            for (SplitChoice choice : SplitChoice.values()) {
                if (choice.id.equals(value.toLowerCase(Locale.ROOT))) {
                    return choice;
                }
            }
            throw new TypeConversionException("unknown split '" + value + "' (expected train, test or all)");
        }
    }

    /** "shared" or "per-unit". */
    static String scaleId(WeightPictures.Scale scale) {
        return scale == WeightPictures.Scale.SHARED ? "shared" : "per-unit";
    }

    static final class ScaleConverter implements ITypeConverter<WeightPictures.Scale> {
        @Override
        public WeightPictures.Scale convert(String value) {
            for (WeightPictures.Scale scale : WeightPictures.Scale.values()) {
                if (scaleId(scale).equals(value.toLowerCase(Locale.ROOT))) {
                    return scale;
                }
            }
            throw new TypeConversionException("unknown scale '" + value + "' (expected shared or per-unit)");
        }
    }
}

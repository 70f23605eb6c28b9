package org.hiddenneurons.ui;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.hiddenneurons.data.Dataset;
import org.hiddenneurons.data.Split;

/**
 * What the long-run checks measure in the real window (call on the FX thread unless noted): chart
 * points, scene-graph nodes, listeners registered on the view models' observables, live threads,
 * heap after GC. Listener counts are read by reflection from JavaFX's private listener helpers
 * (the only way to see them); the count covers every {@link Observable} field of the workbench
 * view model and its settings, and the four chart series.
 */
final class WindowProbe {

    /** One measurement. */
    record Sample(int epoch, int largestSeries, int totalPoints, int nodes, int listeners, int threads,
                  double heapMiB) {
    }

    private WindowProbe() {
    }

    /** The first {@code trainCount} training and {@code testCount} test samples of {@code split}. */
    static Split subset(Split split, int trainCount, int testCount) {
        return new Split(first(split.train(), trainCount), first(split.test(), testCount));
    }

    private static Dataset first(Dataset data, int count) {
        int[] indices = new int[Math.min(count, data.size())];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return data.subset(data.name() + " (first " + indices.length + ")", indices);
    }

    /** FX thread: everything but threads and heap (see {@link #complete}). */
    static Sample onFx(WorkbenchViewModel model, Parent root) {
        List<DecimatedSeries> series = List.of(model.trainLossSeries(), model.testLossSeries(),
                model.trainAccuracySeries(), model.testAccuracySeries());
        int largest = 0;
        int total = 0;
        for (DecimatedSeries s : series) {
            largest = Math.max(largest, s.points().size());
            total += s.points().size();
        }
        int listeners = 0;
        for (Observable observable : observables(model)) {
            listeners += listenerCount(observable);
        }
        for (Observable observable : observables(model.settings())) {
            listeners += listenerCount(observable);
        }
        for (DecimatedSeries s : series) {
            listeners += listenerCount(s.points());
        }
        return new Sample(model.epochProperty().get(), largest, total, countNodes(root), listeners, 0, 0);
    }

    /** Any thread but FX: adds the live thread count and the heap left by a full GC (pools' collection usage). */
    static Sample complete(Sample fx) {
        System.gc();
        double heap = 0;
        for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                heap += pool.getCollectionUsage().getUsed(); // what the last collection left
            }
        }
        heap /= 1024.0 * 1024.0;
        return new Sample(fx.epoch(), fx.largestSeries(), fx.totalPoints(), fx.nodes(), fx.listeners(),
                ManagementFactory.getThreadMXBean().getThreadCount(), heap);
    }

    static int countNodes(Node node) {
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += countNodes(child);
            }
        }
        return count;
    }

    /** The {@link Observable} values of {@code owner}'s own fields. */
    private static List<Observable> observables(Object owner) {
        List<Observable> found = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (Field field : owner.getClass().getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(owner);
                if (value instanceof Observable observable && seen.put(value, Boolean.TRUE) == null) {
                    found.add(observable);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not readable: not counted
            }
        }
        return found;
    }

    /**
     * Listeners registered on a JavaFX property, binding or observable list, from its private
     * helper ({@code helper} or {@code listenerHelper}: null = none, Single* = 1, Generic = the
     * sizes of its arrays). −1 if the helper cannot be read.
     */
    static int listenerCount(Observable observable) {
        Object helper = helperOf(observable);
        if (helper == null) {
            return 0;
        }
        String kind = helper.getClass().getSimpleName();
        if (kind.startsWith("Single")) {
            return 1;
        }
        return intField(helper, "invalidationSize") + intField(helper, "changeSize");
    }

    private static Object helperOf(Object observable) {
        for (Class<?> type = observable.getClass(); type != null; type = type.getSuperclass()) {
            for (String name : new String[] {"helper", "listenerHelper"}) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return field.get(observable);
                } catch (NoSuchFieldException e) {
                    // try the next name or superclass
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static int intField(Object owner, String name) {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.getInt(owner);
            } catch (NoSuchFieldException e) {
                // superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }
}

package org.hiddenneurons.ui.data;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Sends a file or folder dropped on the window to whoever handles that kind of file. Each area
 * registers a predicate and a handler; the <b>most recently registered</b> handler whose predicate
 * accepts the path gets it, so a more specific kind registered later (training-run files, say)
 * wins over a general one registered earlier (every {@code *.json} is a model). A path no handler
 * accepts goes to the fallback (which explains what can be dropped).
 *
 * <p>Use: {@code view.dropRouter().register(path -> path.toString().endsWith(".run.json"), this::openRun);}
 * Handlers run on the FX thread and must not block (start background work for slow reads).
 */
public final class DropRouter {

    private record Route(Predicate<Path> accepts, Consumer<Path> handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private Consumer<Path> fallback = path -> { };

    /** Adds a handler; it takes precedence over those registered before it. */
    public void register(Predicate<Path> accepts, Consumer<Path> handler) {
        routes.add(new Route(Objects.requireNonNull(accepts), Objects.requireNonNull(handler)));
    }

    /** What happens to a path no handler accepts. */
    public void setFallback(Consumer<Path> handler) {
        fallback = Objects.requireNonNull(handler);
    }

    /**
     * Hands {@code path} to the latest registered handler that accepts it, else to the fallback.
     *
     * @return true if a registered handler took it
     */
    public boolean route(Path path) {
        for (int i = routes.size() - 1; i >= 0; i--) {
            Route route = routes.get(i);
            if (route.accepts().test(path)) {
                route.handler().accept(path);
                return true;
            }
        }
        fallback.accept(path);
        return false;
    }

    /**
     * Makes {@code target} (the window's root) accept dropped files: the first dropped file or
     * folder is routed; dragging anything that is not a file is not accepted.
     */
    public void install(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                event.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard board = event.getDragboard();
            boolean done = false;
            if (board.hasFiles() && !board.getFiles().isEmpty()) {
                File first = board.getFiles().get(0);
                route(first.toPath());
                done = true;
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }
}

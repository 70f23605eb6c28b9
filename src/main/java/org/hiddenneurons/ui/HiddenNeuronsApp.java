package org.hiddenneurons.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workbench window (placeholder until the workbench issue lands). */
public final class HiddenNeuronsApp extends Application {

    public static void main(String[] args) {
        launch(HiddenNeuronsApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Hidden Neurons");
        stage.setScene(new Scene(new Label("Hidden Neurons"), 640, 480));
        stage.show();
    }
}

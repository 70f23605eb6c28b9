/**
 * The reusable controls the workbench and its pages build on: the hidden-unit grid
 * ({@link org.hiddenneurons.ui.controls.HiddenUnitGrid}, its tiles, their hover texts and
 * saturation marks), the prediction bars ({@link org.hiddenneurons.ui.controls.PredictionBars}),
 * the colour bar ({@link org.hiddenneurons.ui.controls.ColorBar}), and the style-class names with
 * their stylesheet, components.css, next to them ({@link org.hiddenneurons.ui.controls.Styles}).
 * Below {@code ui} and every page package (ui.backprop, ui.dossier, ui.eval, …): uses nothing else
 * in ui but {@code ui.i18n}, so any page may use these controls without a cycle.
 */
package org.hiddenneurons.ui.controls;

/**
 * Work the workbench shares with its pages: {@link org.hiddenneurons.ui.work.BackgroundWork}, the
 * one bounded pool for view computations and the one hop back onto the FX thread, and
 * {@link org.hiddenneurons.ui.work.SharedForwardPass}, the drawing's forward pass computed once per
 * (network, drawing) for every view that shows it. Below {@code ui} and its page packages: uses no
 * other ui package.
 */
package org.hiddenneurons.ui.work;

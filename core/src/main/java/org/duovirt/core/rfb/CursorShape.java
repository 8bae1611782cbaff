package org.duovirt.core.rfb;

/**
 * A pointer image: ARGB pixels where transparent ones have alpha 0, and the hot spot.
 */
public record CursorShape(int width, int height, int hotX, int hotY, int[] argb) {
}

package org.duovirt.app.wizard;

import org.duovirt.core.model.VirtMode;

/**
 * One virtualization mode as the platform page offers it.
 *
 * @param available false greys it out
 * @param reason    why it is not available (one sentence), null when it is
 * @param tradeoff  one sentence on what the mode gives and costs
 */
public record ModeChoice(VirtMode mode, boolean available, String reason, String tradeoff) {
}

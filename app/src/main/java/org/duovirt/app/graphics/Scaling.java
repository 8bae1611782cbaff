package org.duovirt.app.graphics;

/** How the guest's screen fits the tab. */
public enum Scaling {
    /** Scaled down or up to fit, keeping the aspect ratio. */
    FIT,
    /** One guest pixel per screen pixel, scroll bars when larger. */
    ONE_TO_ONE
}

package org.duovirt.app.graphics;

/** What the graphical console tab shows. */
public enum ConsoleState {
    /** Opening the channel or the RFB session. */
    CONNECTING,
    /** The guest's screen is live. */
    CONNECTED,
    /** The VM is not running: a placeholder, and the tab reconnects when it starts. */
    OFF,
    /** The VM has only a SPICE display, which opens in remote-viewer. */
    SPICE,
    /** The console cannot be opened; the message says why. */
    FAILED
}

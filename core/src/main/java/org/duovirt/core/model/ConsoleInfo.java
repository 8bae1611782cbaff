package org.duovirt.core.model;

/** A console a VM offers: {@code kind} says which, {@code detail} is free text for display (pty path, port). */
public record ConsoleInfo(Kind kind, String detail) {
    public enum Kind { SERIAL, PV_CONSOLE, VNC, SPICE }
}

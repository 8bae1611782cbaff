package org.duovirt.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command reads and writes. */
record Terminal(InputStream in, PrintStream out, PrintStream err) {
}

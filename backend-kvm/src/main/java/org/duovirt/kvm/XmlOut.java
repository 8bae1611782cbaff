package org.duovirt.kvm;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting wrapper over {@link XMLStreamWriter}: every name, value and text goes through the
 * writer's escaping, so user input (VM names, paths) can never change the document's structure.
 */
final class XmlOut {
    private final StringWriter buffer = new StringWriter();
    private final XMLStreamWriter xml;
    private int depth;
    private boolean hasChildren;

    XmlOut() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text itself when XML 1.0 can carry it unchanged. Characters it cannot hold at all (most C0
     * controls, lone surrogates, U+FFFE/U+FFFF) and a carriage return (which every reader turns into a
     * newline) are refused: libvirt would reject the document, or store another path than the one given.
     */
    static String carried(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000;
            if (!ok) {
                throw new org.duovirt.core.error.InvalidSpecException("'" + text + "' contains "
                        + String.format(java.util.Locale.ROOT, "U+%04X", cp) + ", which a libvirt definition cannot hold.");
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    /** Opens an element; attributes may follow with {@link #attr}. */
    XmlOut start(String name) {
        try {
            newline();
            xml.writeStartElement(name);
            depth++;
            hasChildren = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut attr(String name, String value) {
        try {
            xml.writeAttribute(name, carried(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut end() {
        try {
            depth--;
            if (hasChildren) {
                newline();
            }
            xml.writeEndElement();
            hasChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element holding only text, with attribute pairs: {@code <name a="v">text</name>}. */
    XmlOut textElement(String name, String text, String... attributes) {
        try {
            newline();
            xml.writeStartElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], carried(attributes[i + 1]));
            }
            xml.writeCharacters(carried(text));
            xml.writeEndElement();
            hasChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An empty element with attribute pairs: {@code empty("boot", "dev", "hd")}. */
    XmlOut empty(String name, String... attributes) {
        try {
            newline();
            xml.writeEmptyElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], carried(attributes[i + 1]));
            }
            hasChildren = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newline() throws XMLStreamException {
        if (depth > 0 || buffer.getBuffer().length() > 0) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    @Override
    public String toString() {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toString() + "\n";
    }
}

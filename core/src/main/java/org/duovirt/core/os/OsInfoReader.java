package org.duovirt.core.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one osinfo-db OS file (os/VENDOR/OS.xml) with the JDK's StAX parser: ids, untranslated name,
 * family, version, derives-from, resources (x86_64 or all) and whether its devices include virtio.
 * External entities and DTDs are off: the files are data, not a way into the machine.
 */
final class OsInfoReader {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private OsInfoReader() {
    }

    /** @return the OS of the file, or null when it holds none */
    static OsPreset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(FACTORY.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static OsPreset read(XMLStreamReader x) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        String id = null, shortId = null, name = null, family = null, version = null, derives = null, vendor = null;
        long minRam = 0, recRam = 0, recStorage = 0;
        int minCpus = 0, recCpus = 0;
        boolean virtio = false;
        boolean resourcesApply = false;
        StringBuilder text = new StringBuilder();
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String el = x.getLocalName();
                String parent = path.peek();
                path.push(el);
                text.setLength(0);
                if (el.equals("os") && "libosinfo".equals(parent)) {
                    id = x.getAttributeValue(null, "id");
                } else if (el.equals("derives-from") && "os".equals(parent) && derives == null) {
                    derives = x.getAttributeValue(null, "id");
                } else if (el.equals("resources") && "os".equals(parent)) {
                    String arch = x.getAttributeValue(null, "arch");
                    resourcesApply = arch == null || arch.equals("all") || arch.equals("x86_64");
                } else if (el.equals("device") && "devices".equals(parent)) {
                    String dev = x.getAttributeValue(null, "id");
                    virtio |= dev != null && dev.contains("/pci/1af4/");
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(x.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String el = path.pop();
                String parent = path.peek();
                String value = text.toString().strip();
                if ("os".equals(parent)) {
                    switch (el) {
                        case "short-id" -> shortId = shortId == null ? value : shortId;
                        case "name" -> name = name == null ? value : name; // the first is the untranslated one
                        case "family" -> family = value;
                        case "version" -> version = value;
                        case "vendor" -> vendor = vendor == null ? value : vendor;
                        default -> { }
                    }
                } else if (resourcesApply && ("minimum".equals(parent) || "recommended".equals(parent)) && path.size() >= 3) {
                    boolean min = "minimum".equals(parent);
                    switch (el) {
                        case "ram" -> { if (min) minRam = mib(value); else recRam = mib(value); }
                        case "n-cpus" -> { if (min) minCpus = number(value); else recCpus = number(value); }
                        case "storage" -> { if (!min) recStorage = mib(value) / 1024; }
                        default -> { }
                    }
                }
                text.setLength(0);
            }
        }
        if (id == null || shortId == null) {
            return null;
        }
        return new OsPreset(id, shortId, name == null ? shortId : name, family, version, minRam,
                recRam > 0 ? recRam : minRam, recCpus > 0 ? recCpus : minCpus, recStorage, virtio, derives, vendor);
    }

    private static long mib(String bytes) {
        try {
            return Long.parseLong(bytes) / (1024 * 1024);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int number(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package org.duovirt.kvm;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.duovirt.core.error.DuovirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Small DOM helpers for reading libvirt's XML: no external entities, no DTDs, null-safe lookups. */
final class Xml {
    private Xml() {
    }

    /** Parses libvirt XML; external entities and DTDs are refused because the text comes from a host. */
    static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new DuovirtException("libvirt returned XML that cannot be read: " + e.getMessage(), null, xml, e);
        }
    }

    /** The first child element with that name, or null. */
    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Follows a path of child names, e.g. {@code path(root, "host", "cpu", "model")}; null when a step is missing. */
    static Element path(Element start, String... names) {
        Element current = start;
        for (String name : names) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** All child elements with that name, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Attribute value, or null when absent or the element is null. */
    static String attr(Element element, String name) {
        if (element == null || !element.hasAttribute(name)) {
            return null;
        }
        return element.getAttribute(name);
    }

    /** Trimmed text of the element, or null when the element is null. */
    static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    static long longText(Element element, long fallback) {
        String text = text(element);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int intAttr(Element element, String name, int fallback) {
        String value = attr(element, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A size element with a libvirt {@code unit} attribute, converted to KiB. */
    static long kib(Element element, long fallback) {
        long value = longText(element, -1);
        if (value < 0) {
            return fallback;
        }
        String unit = attr(element, "unit");
        return Units.toKiB(value, unit == null ? "KiB" : unit);
    }

    /** An element and its children as XML text, by the JDK's serializer (every value escaped). */
    static String serialize(Element element) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            var transformer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new javax.xml.transform.dom.DOMSource(element),
                    new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the element from its parent; null is ignored. */
    static void remove(Element element) {
        if (element != null) {
            element.getParentNode().removeChild(element);
        }
    }
}

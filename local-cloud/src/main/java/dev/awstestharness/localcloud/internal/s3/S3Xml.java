package dev.awstestharness.localcloud.internal.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** S3's XML: documents written element by element, request bodies read into DOM elements, S3's date formats. */
final class S3Xml {
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    /** A document whose root element is in S3's namespace. */
    static S3Xml document(String root) {
        S3Xml xml = new S3Xml();
        xml.text.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return xml;
    }

    /** A document whose root element has no namespace (S3's error documents). */
    static S3Xml plainDocument(String root) {
        S3Xml xml = new S3Xml();
        xml.text.append('<').append(root).append('>');
        return xml;
    }

    S3Xml open(String name) {
        text.append('<').append(name).append('>');
        return this;
    }

    S3Xml close(String name) {
        text.append("</").append(name).append('>');
        return this;
    }

    S3Xml element(String name, Object value) {
        if (value == null) return this;
        text.append('<').append(name).append('>');
        escape(String.valueOf(value));
        text.append("</").append(name).append('>');
        return this;
    }

    /** Ends a document whose root element holds only text. */
    byte[] finishWithText(String value) {
        int start = text.indexOf("<", text.indexOf("?>") + 2);
        String root = text.substring(start + 1, text.indexOf(" ", start));
        escape(value);
        return finish(root);
    }

    byte[] finish(String root) {
        close(root);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '&' -> text.append("&amp;");
                case '"' -> text.append("&quot;");
                case '\'' -> text.append("&apos;");
                case '\r' -> text.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        text.append("&#").append((int) c).append(';');
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }

    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    static String http(Instant instant) {
        return HTTP.format(instant);
    }

    /**
     * The root element of a request body.
     *
     * @throws S3Exception MalformedXML when the body is not XML
     */
    static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw S3Errors.malformedXml();
        }
    }

    /** The child elements with a local name. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) found.add(element);
        }
        return found;
    }

    /** The text of the first child element with a local name, or {@code null}. */
    static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}

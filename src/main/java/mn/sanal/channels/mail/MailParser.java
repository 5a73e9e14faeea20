package mn.sanal.channels.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads a MIME mail into a {@link ParsedMail}: RFC 2047 subjects and file names in any charset, text/plain preferred
 * over HTML (HTML-only mail turned into clean text), every non-text part a file. Throws
 * {@link UnparseableMailException} when the mail's structure cannot be read: the caller quarantines it.
 */
public final class MailParser {

    static {
        // decode encoded words that mailers put inside words or split badly
        System.setProperty("mail.mime.decodetext.strict", "false");
        System.setProperty("mail.mime.decodefilename", "true");
        System.setProperty("mail.mime.decodeparameters", "true");
    }

    static final int MAX_PARTS = 200;
    private static final Pattern ANGLE = Pattern.compile("<([^<>\\s]+)>");

    private MailParser() {
    }

    public static ParsedMail parse(MimeMessage m) {
        try {
            String messageId = stripAngles(m.getMessageID());
            String dedupKey = messageId == null || messageId.length() > 200 ? "sha256:" + hash(m) : messageId;
            InternetAddress from = sender(m);
            List<String> refs = new ArrayList<>();
            addIds(refs, m.getHeader("In-Reply-To", " "));
            addIds(refs, m.getHeader("References", " "));
            Map<String, String> headers = new LinkedHashMap<>();
            for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements(); ) {
                Header h = e.nextElement();
                headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), decode(h.getValue()));
            }
            Content c = new Content();
            walk(m, c, 0);
            String text = c.plain.length() > 0 ? c.plain.toString() : c.html.toString();
            OffsetDateTime sent = m.getSentDate() == null ? null
                    : m.getSentDate().toInstant().atOffset(ZoneOffset.UTC);
            String to = m.getRecipients(jakarta.mail.Message.RecipientType.TO) == null ? null
                    : address(m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]);
            return new ParsedMail(dedupKey, messageId, from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                    from == null ? null : from.getPersonal(), to, clean(m.getSubject()), normalize(text), refs,
                    List.copyOf(c.files), headers, sent);
        } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException e) {
            throw new IllegalStateException("Mail server connection lost; the mail stays unseen for the next poll", e);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparseableMailException(e);
        }
    }

    /** A local copy of a server message: fetched whole (RFC 822 bytes), parsed by us, not by the server. */
    public static MimeMessage local(jakarta.mail.Message m) throws MessagingException {
        return new MimeMessage((MimeMessage) m);
    }

    /** Thrown for a mail whose structure or encoding cannot be read. */
    public static class UnparseableMailException extends RuntimeException {
        UnparseableMailException(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private static final class Content {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ParsedMail.File> files = new ArrayList<>();
        int parts;
    }

    private static void walk(Part part, Content c, int depth) throws MessagingException, IOException {
        if (++c.parts > MAX_PARTS || depth > 20) {
            throw new MessagingException("Too many MIME parts");
        }
        String disposition = part.getDisposition();
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart mp)) {
                throw new MessagingException("Broken multipart: " + part.getContentType());
            }
            if (mp.getCount() == 0) {
                throw new MessagingException("Multipart without parts");
            }
            if (part.isMimeType("multipart/alternative")) {
                // the plain alternative is enough when there is one
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    if (bp.isMimeType("text/plain") && fileName(bp) == null) {
                        c.plain.append(text(bp));
                        return;
                    }
                }
            }
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i), c, depth + 1);
            }
        } else if (!attachment && part.isMimeType("text/plain")) {
            append(c.plain, text(part));
        } else if (!attachment && part.isMimeType("text/html")) {
            append(c.html, htmlToText(text(part)));
        } else if (part.isMimeType("message/rfc822") && !attachment) {
            c.files.add(new ParsedMail.File("message.eml", "message/rfc822", part::getInputStream));
        } else {
            String type = new ContentType(part.getContentType()).getBaseType();
            c.files.add(new ParsedMail.File(fileName == null ? "file" : fileName, type, part::getInputStream));
        }
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append("\n\n");
        }
        sb.append(s);
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            name = null;
        }
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    /** A text part in its declared charset; unknown or wrong charsets fall back to UTF-8, then windows-1251. */
    static String text(Part part) throws MessagingException, IOException {
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException ignored) {
            // fall through with no charset
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        Charset cs = charset(charset);
        if (cs != null) {
            return new String(bytes, cs);
        }
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        return utf8.contains("\uFFFD") ? new String(bytes, Charset.forName("windows-1251")) : utf8;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** HTML to readable text: scripts and styles dropped, block elements become line breaks, entities decoded. */
    public static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && (e.normalName().equals("br"))) {
                    out.append('\n');
                } else if (node instanceof Element e && e.isBlock() && out.length() > 0
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && out.length() > 0
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return out.toString();
    }

    /** Trims each line, collapses runs of blank lines and non-breaking spaces. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n');
        t = t.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
        return t.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String clean(String subject) {
        return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String decode(String headerValue) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(headerValue));
        } catch (UnsupportedEncodingException e) {
            return headerValue;
        }
    }

    private static InternetAddress sender(MimeMessage m) throws MessagingException {
        Address[] from;
        try {
            from = m.getFrom();
        } catch (AddressException e) {
            String raw = m.getHeader("From", null);
            Matcher am = raw == null ? null : Pattern.compile("[^\\s<>\"]+@[^\\s<>\"]+").matcher(raw);
            return am != null && am.find() ? new InternetAddress(am.group(), false) : null;
        }
        return from == null || from.length == 0 || !(from[0] instanceof InternetAddress ia) ? null : ia;
    }

    private static String address(Address a) {
        return a instanceof InternetAddress ia ? ia.getAddress() : a.toString();
    }

    private static void addIds(List<String> out, String header) {
        if (header == null) {
            return;
        }
        Matcher matcher = ANGLE.matcher(header);
        while (matcher.find()) {
            out.add(matcher.group(1));
        }
    }

    static String stripAngles(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isBlank() ? null : s;
    }

    private static String hash(MimeMessage m) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.duovirt.kvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.tools.LocalTools;
import org.w3c.dom.Element;

/**
 * "Customize before install": the user's edit of a new VM's domain XML, checked before anything is made — well
 * formed, a {@code <domain>} of the spec's name (the job finds and removes the VM by it), and valid against libvirt's
 * own schema (virt-xml-validate, from libvirt-clients, with xmllint) — and defined with libvirt's VALIDATE flag.
 */
final class EditedDefinition {
    static final String VALIDATOR = "virt-xml-validate";

    private EditedDefinition() {
    }

    /** Every problem of the edit, each one sentence quoting libvirt's schema check; empty when it may be defined. */
    static List<SpecProblem> problems(String name, String xml) {
        List<SpecProblem> problems = new ArrayList<>();
        Element root;
        try {
            root = Xml.parse(xml);
        } catch (RuntimeException e) {
            problems.add(problem("it is not well-formed XML (" + oneLine(e.getMessage()) + ")"));
            return problems;
        }
        if (!"domain".equals(root.getTagName())) {
            problems.add(problem("its root element is <" + root.getTagName() + ">, not <domain>"));
            return problems;
        }
        String edited = Xml.text(Xml.child(root, "name"));
        if (!name.equals(edited)) {
            problems.add(problem("the name must stay '" + name + "' (change it on the first page)"));
        }
        String schema = schemaProblem(xml);
        if (schema != null) {
            problems.add(problem("libvirt's schema refuses it: " + schema));
        }
        return problems;
    }

    /** The disk paths the edit names, to see that it still uses what the creation made. */
    static List<String> diskSources(String xml) {
        return DomainXmlReader.read(xml).disks().stream().map(org.duovirt.core.model.DiskInfo::source).filter(s -> s != null).toList();
    }

    /** virt-xml-validate's first complaint, without the temporary file's name; null when valid or the tool is absent. */
    static String schemaProblem(String xml) {
        if (!LocalTools.onPath(VALIDATOR) || !LocalTools.onPath("xmllint")) {
            return null; // libvirt's VALIDATE flag still checks it when it is defined
        }
        Path file = null;
        try {
            file = Files.createTempFile("duovirt-edited-", ".xml");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(List.of(VALIDATOR, file.toString(), "domain")).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? null : firstComplaint(out, file.toString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of ours
                }
            }
        }
    }

    /** "/tmp/x.xml:5: element foo: Relax-NG validity error : Element domain has extra content: foo" → "line 5: Element …". */
    static String firstComplaint(String output, String file) {
        String first = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("").replace(file, "").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^:(\\d+):.*?: ([^:]*error) : (.*)$").matcher(first);
        String text = m.matches() ? "line " + m.group(1) + ": " + m.group(3) : first.replaceFirst("^:", "");
        return oneLine(text).replaceAll("\\.$", "");
    }

    private static SpecProblem problem(String why) {
        return new SpecProblem(SpecField.DEFINITION, "The edited definition cannot be used: " + org.duovirt.core.text.Printable.line(why) + ".");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}

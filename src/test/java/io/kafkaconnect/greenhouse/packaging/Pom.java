package io.kafkaconnect.greenhouse.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** pom.xml as far as the packaging checks need it: properties (resolved) and plugin configurations. */
final class Pom {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Element project;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Pom(Document doc) {
        this.project = doc.getDocumentElement();
        properties.put("project.artifactId", text(child(project, "artifactId")));
        properties.put("project.groupId", text(child(project, "groupId")));
        properties.put("project.version", text(child(project, "version")));
        Element props = child(project, "properties");
        if (props != null) {
            for (Element p : children(props)) {
                properties.put(p.getTagName(), text(p));
            }
        }
    }

    static Pom load() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return new Pom(f.newDocumentBuilder().parse(Path.of("pom.xml").toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }

    /** ${...} references replaced by pom properties (and project.*), recursively. */
    String resolve(String value) {
        String current = value;
        for (int depth = 0; depth < 10; depth++) {
            Matcher m = PROPERTY.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String v = properties.get(m.group(1));
                if (v != null) {
                    changed = true;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** The document's {@code project} element. */
    Element project() {
        return project;
    }

    String property(String name) {
        return properties.get(name);
    }

    /** The build plugin with this artifactId (under build/plugins), or null. */
    Element plugin(String artifactId) {
        Element build = child(project, "build");
        Element plugins = build == null ? null : child(build, "plugins");
        if (plugins == null) {
            return null;
        }
        for (Element p : children(plugins)) {
            if (artifactId.equals(text(child(p, "artifactId")))) {
                return p;
            }
        }
        return null;
    }

    /** Ids of the plugin's executions. */
    List<String> executionIds(Element plugin) {
        List<String> ids = new ArrayList<>();
        Element executions = child(plugin, "executions");
        if (executions != null) {
            for (Element e : children(executions)) {
                ids.add(text(child(e, "id")));
            }
        }
        return ids;
    }

    /** The configuration element of the plugin's first execution that has one, else the plugin's own. */
    Element executionConfiguration(Element plugin) {
        Element executions = child(plugin, "executions");
        if (executions != null) {
            for (Element e : children(executions)) {
                Element c = child(e, "configuration");
                if (c != null) {
                    return c;
                }
            }
        }
        return child(plugin, "configuration");
    }

    static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}

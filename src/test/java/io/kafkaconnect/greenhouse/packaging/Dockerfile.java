package io.kafkaconnect.greenhouse.packaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Just enough of a Dockerfile reader for static checks: instructions (continuation lines joined, comments
 * dropped), the ARGs declared before the first FROM, base images with those ARGs resolved, the files COPY/ADD
 * take from the build context, exec-form CMD/ENTRYPOINT, and the Dockerfile's own ignore file
 * ({@code <Dockerfile>.dockerignore}, which BuildKit prefers over the context's {@code .dockerignore}).
 */
public final class Dockerfile {
    private static final Pattern ARG_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One instruction: upper-case keyword, its {@code --flags}, and the rest split on whitespace. */
    public record Instruction(String keyword, List<String> flags, List<String> args, String text) {
    }

    private final Path path;
    private final List<Instruction> instructions;
    private final Map<String, String> globalArgs;

    private Dockerfile(Path path, List<Instruction> instructions) {
        this.path = path;
        this.instructions = instructions;
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                break;
            }
            if (i.keyword().equals("ARG")) {
                for (String a : i.args()) {
                    String[] kv = a.split("=", 2);
                    args.put(kv[0], kv.length > 1 ? kv[1] : null);
                }
            }
        }
        this.globalArgs = args;
    }

    public static Dockerfile parse(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            out.add(instruction(current.toString().strip()));
            current.setLength(0);
        }
        if (current.length() > 0) {
            out.add(instruction(current.toString().strip()));
        }
        return new Dockerfile(path, out);
    }

    private static Instruction instruction(String text) {
        String[] parts = text.split("\\s+", 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1] : "";
        List<String> flags = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (String token : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
            if (args.isEmpty() && token.startsWith("--")) {
                flags.add(token);
            } else {
                args.add(token);
            }
        }
        return new Instruction(keyword, flags, args, rest);
    }

    public Path path() {
        return path;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    /** ARGs declared before the first FROM (the only ones FROM can use), with their defaults (null: none). */
    public Map<String, String> globalArgs() {
        return globalArgs;
    }

    /** Variables a FROM line uses. */
    public Set<String> argsUsedInFrom() {
        Set<String> used = new HashSet<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                Matcher m = ARG_REF.matcher(i.args().get(0));
                while (m.find()) {
                    used.add(m.group(1) != null ? m.group(1) : m.group(3));
                }
            }
        }
        return used;
    }

    /**
     * The images the build pulls (FROM, stage names excluded), with ARGs resolved from {@code buildArgs}, then the
     * ARG defaults; a variable with neither is left out (an empty string) and reported in {@code problems}.
     */
    public List<String> baseImages(Map<String, String> buildArgs, List<String> problems) {
        List<String> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (Instruction i : instructions) {
            if (!i.keyword().equals("FROM")) {
                continue;
            }
            List<String> a = i.args();
            String image = resolve(a.get(0), buildArgs, problems);
            if (a.size() >= 3 && a.get(1).equalsIgnoreCase("AS")) {
                stages.add(a.get(2));
            }
            if (!stages.contains(a.get(0))) {
                images.add(image);
            }
        }
        return images;
    }

    private String resolve(String text, Map<String, String> buildArgs, List<String> problems) {
        Matcher m = ARG_REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3);
            String value = buildArgs.get(name);
            if (value == null || value.isEmpty()) {
                value = globalArgs.get(name);
            }
            if ((value == null || value.isEmpty()) && m.group(2) != null) {
                value = m.group(2);
            }
            if (value == null || value.isEmpty()) {
                problems.add(path + ": FROM uses ${" + name + "}, which neither the build args nor an ARG default set"
                        + (globalArgs.containsKey(name) ? "" : " (and no ARG " + name + " before the first FROM)"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Sources COPY/ADD take from the build context (not {@code --from} another stage, nor an ADD's URL), as
     * written.
     */
    public List<String> contextSources() {
        List<String> sources = new ArrayList<>();
        for (Instruction i : instructions) {
            if ((i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                    && i.flags().stream().noneMatch(f -> f.startsWith("--from="))) {
                List<String> args = jsonOrWords(i);
                args.subList(0, args.size() - 1).stream().filter(s -> !isUrl(s)).forEach(sources::add);
            }
        }
        return sources;
    }

    /** The URLs ADD downloads at build time, as written (build args unresolved). */
    public List<String> downloads() {
        List<String> urls = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("ADD")) {
                List<String> args = jsonOrWords(i);
                args.subList(0, args.size() - 1).stream().filter(Dockerfile::isUrl).forEach(urls::add);
            }
        }
        return urls;
    }

    private static boolean isUrl(String source) {
        return source.startsWith("https://") || source.startsWith("http://");
    }

    /** Destinations of {@code COPY --from=<stage>} (what the final image receives from a build stage). */
    public List<String> copyFromStageDestinations() {
        List<String> out = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("COPY") && i.flags().stream().anyMatch(f -> f.startsWith("--from="))) {
                List<String> args = jsonOrWords(i);
                out.add(args.get(args.size() - 1));
            }
        }
        return out;
    }

    /** The exec-form ENTRYPOINT followed by the exec-form CMD of the last stage. */
    public List<String> command() {
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                entrypoint = List.of();
                cmd = List.of();
            } else if (i.keyword().equals("ENTRYPOINT")) {
                entrypoint = exec(i);
            } else if (i.keyword().equals("CMD")) {
                cmd = exec(i);
            }
        }
        List<String> all = new ArrayList<>(entrypoint);
        all.addAll(cmd);
        return all;
    }

    private static List<String> jsonOrWords(Instruction i) {
        String rest = String.join(" ", i.args());
        return rest.startsWith("[") ? exec(i) : i.args();
    }

    private static List<String> exec(Instruction i) {
        String rest = String.join(" ", i.args());
        if (!rest.startsWith("[")) {
            return List.of("/bin/sh", "-c", rest);
        }
        try {
            return JSON.readValue(rest, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON array: " + rest, e);
        }
    }

    /**
     * The files under {@code context} a COPY/ADD source (a path or a glob, relative to the context) takes, as
     * '/'-separated context-relative paths.
     */
    public static List<String> contextFiles(Path context, String source) {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
        Path fixedPrefix = context;
        for (String segment : source.split("/")) {
            if (segment.matches(".*[*?\\[{].*")) {
                break;
            }
            fixedPrefix = fixedPrefix.resolve(segment);
        }
        if (!Files.exists(fixedPrefix)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(fixedPrefix)) {
            return files.filter(Files::isRegularFile).map(p -> context.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> Files.isRegularFile(context.resolve(source)) ? rel.equals(source)
                            : glob.matches(Path.of(rel)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ ignore file

    /** The ignore file that applies to this Dockerfile's build ({@code <Dockerfile>.dockerignore}), if any. */
    public Path ignoreFile() {
        return path.resolveSibling(path.getFileName() + ".dockerignore");
    }

    /**
     * Whether the ignore file keeps {@code contextPath} (relative to the build context, '/'-separated) out of the
     * build context. Docker's rule: the last pattern that matches the path or one of its parent directories
     * decides; a {@code !} pattern re-includes.
     */
    public boolean ignores(String contextPath) {
        Path ignore = ignoreFile();
        if (!Files.exists(ignore)) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(ignore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> candidates = new ArrayList<>();
        List<String> segments = Arrays.asList(contextPath.split("/"));
        for (int n = 1; n <= segments.size(); n++) {
            candidates.add(String.join("/", segments.subList(0, n)));
        }
        boolean excluded = false;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            boolean negate = t.startsWith("!");
            String pattern = (negate ? t.substring(1) : t).strip().replaceAll("^/+", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (candidates.stream().anyMatch(c -> matcher.matches(Path.of(c)))) {
                excluded = !negate;
            }
        }
        return excluded;
    }
}

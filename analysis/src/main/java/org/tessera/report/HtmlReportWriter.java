package org.tessera.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.tessera.files.AtomicFiles;
import org.tessera.plots.Numbers;
import org.tessera.plots.PlotWriter;

/**
 * Writes a {@link Report} as one folder: {@code index.html} (inline CSS and a few lines of inline JavaScript for
 * sortable tables, no external resources, so it opens offline) and each figure as NAME.png and NAME.svg beside
 * it. The folder is built under a temporary name next to the target and then renamed into place, replacing an
 * earlier report there, so the target is always either the old report or the whole new one.
 */
public final class HtmlReportWriter {
    /** The page's file name in the report folder. */
    public static final String INDEX = "index.html";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;\
            padding:0 1.5em;color:#222;background:#fff;line-height:1.45}
            h1{font-size:1.7em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
            h2{font-size:1.3em;margin-top:1.8em;color:#0b3d66}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em}
            th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            table.sortable th{cursor:pointer;background:#f2f6fa;user-select:none;white-space:nowrap}
            table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
            table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
            table.kv th{background:#f7f7f7;font-weight:600}
            .scroll{max-height:32em;overflow:auto;display:inline-block;max-width:100%}
            figure{margin:1em 0 2em}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.92em;color:#444}
            caption{text-align:left;font-weight:600;padding:.3em 0}
            section#provenance{margin-top:3em;font-size:.9em;color:#333}
            footer{margin-top:2em;font-size:.8em;color:#777}
            """;

    private static final String SCRIPT = """
            (function () {
              function key(cell) {
                var v = cell.getAttribute('data-value');
                return v === null ? cell.textContent.trim() : v;
              }
              function compare(a, b) {
                if (a === b) return 0;
                if (a === '') return 1;
                if (b === '') return -1;
                var x = Number(a), y = Number(b);
                if (!isNaN(x) && !isNaN(y)) return x - y;
                return a.localeCompare(b);
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var heads = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads, function (th, i) {
                  th.setAttribute('data-sort-handler', 'true');
                  th.addEventListener('click', function () {
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (r, s) {
                      var c = compare(key(r.cells[i]), key(s.cells[i]));
                      var empty = key(r.cells[i]) === '' || key(s.cells[i]) === '';
                      return ascending || empty ? c : -c;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
                table.setAttribute('data-sortable', 'ready');
              });
              window.addEventListener('load', function () {
                var images = document.images, loaded = 0;
                for (var k = 0; k < images.length; k++) {
                  if (images[k].complete && images[k].naturalWidth > 0) loaded++;
                }
                document.body.setAttribute('data-images-loaded', loaded + '/' + images.length);
                document.body.setAttribute('data-images-ok', String(loaded === images.length));
              });
            })();
            """;

    private HtmlReportWriter() {
    }

    /**
     * Writes the report folder {@code dir} (its parent is created when missing; an existing folder there is
     * replaced) and returns the path of its index.html.
     */
    public static Path write(Report report, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + ": exists and is not a folder; cannot write a report there");
        }
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            StringBuilder html = new StringBuilder(1 << 16);
            page(report, tmp, html);
            Files.writeString(tmp.resolve(INDEX), html, StandardCharsets.UTF_8);
            replace(tmp, target);
        } finally {
            deleteTree(tmp);
        }
        return target.resolve(INDEX);
    }

    private static void page(Report report, Path dir, StringBuilder h) throws IOException {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" ")
                .append("content=\"width=device-width, initial-scale=1\">\n<title>").append(escape(report.title())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(escape(report.title())).append("</h1>\n");
        if (report.sections().size() > 1) {
            h.append("<nav><ul>\n");
            for (int i = 0; i < report.sections().size(); i++) {
                h.append("<li><a href=\"#s").append(i + 1).append("\">").append(escape(report.sections().get(i).title())).append("</a></li>\n");
            }
            h.append("</ul></nav>\n");
        }
        for (int i = 0; i < report.sections().size(); i++) {
            Section s = report.sections().get(i);
            h.append("<section id=\"s").append(i + 1).append("\">\n<h2>").append(escape(s.title())).append("</h2>\n");
            for (Block b : s.blocks()) {
                block(b, dir, h);
            }
            h.append("</section>\n");
        }
        if (!report.provenance().isEmpty()) {
            h.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
            keyValues(report.provenance(), h);
            h.append("</section>\n");
        }
        h.append("<footer>Written by Tessera ").append(escape(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                .append("</footer>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    }

    private static void block(Block b, Path dir, StringBuilder h) throws IOException {
        switch (b) {
            case Block.Text t -> h.append("<p>").append(escape(t.text())).append("</p>\n");
            case Block.KeyValues kv -> keyValues(kv.entries(), h);
            case Block.Table t -> table(t, h);
            case Block.Figure f -> {
                PlotWriter.write(f.plot(), dir);
                String png = escape(f.plot().name() + ".png");
                String svg = escape(f.plot().name() + ".svg");
                h.append("<figure>\n<a href=\"").append(svg).append("\"><img src=\"").append(png).append("\" width=\"")
                        .append(f.plot().width()).append("\" height=\"").append(f.plot().height()).append("\" alt=\"")
                        .append(escape(f.caption())).append("\"></a>\n<figcaption>").append(escape(f.caption()))
                        .append(" <a href=\"").append(svg).append("\">[SVG]</a></figcaption>\n</figure>\n");
            }
            case Block.Image i -> {
                String name = i.png().getFileName().toString();
                Files.copy(i.png(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                h.append("<figure>\n<a href=\"").append(escape(name)).append("\"><img class=\"map\" src=\"").append(escape(name))
                        .append("\" alt=\"").append(escape(i.caption())).append("\"></a>\n<figcaption>").append(escape(i.caption()))
                        .append("</figcaption>\n</figure>\n");
            }
        }
    }

    private static void keyValues(Map<String, Object> entries, StringBuilder h) {
        h.append("<table class=\"kv\">\n");
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            h.append("<tr><th>").append(escape(e.getKey())).append("</th>");
            cell(e.getValue(), h);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void table(Block.Table t, StringBuilder h) {
        h.append("<div class=\"scroll\">\n<table class=\"sortable\">\n");
        if (!t.caption().isEmpty()) {
            h.append("<caption>").append(escape(t.caption())).append("</caption>\n");
        }
        h.append("<thead><tr>");
        for (String c : t.columns()) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : t.rows()) {
            h.append("<tr>");
            for (Object v : row) {
                cell(v, h);
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** A td: numbers right-aligned with their exact value in data-value for sorting, NaN and null empty-sorted. */
    private static void cell(Object v, StringBuilder h) {
        switch (v) {
            case null -> h.append("<td data-value=\"\"></td>");
            case Double d -> number(d, h);
            case Float f -> number(f, h);
            case Number n -> h.append("<td class=\"num\" data-value=\"").append(n).append("\">").append(n).append("</td>");
            case Boolean bool -> h.append("<td>").append(bool ? "yes" : "no").append("</td>");
            default -> h.append("<td>").append(escape(v.toString())).append("</td>");
        }
    }

    private static void number(double d, StringBuilder h) {
        h.append("<td class=\"num\" data-value=\"").append(Double.isFinite(d) ? Double.toString(d) : "").append("\">")
                .append(escape(Numbers.format(d))).append("</td>");
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            move(target, old);
        }
        try {
            move(tmp, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        AtomicFiles.move(from, to, false);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package org.slacast.serving.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.csv.CsvFiles;
import org.slacast.core.health.DeskHealth;

/**
 * A day's health as files: {@code snapshot-DATE.csv}, one figure a row ({@code section,name,measure,value});
 * {@code snapshot-DATE.json}, the same figures nested; and the page given.
 */
public final class SnapshotFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotFiles() {
    }

    /** One figure: which table, which row, which measure, and its value. */
    public record Figure(String section, String name, String measure, Object value) {
    }

    /**
     * @param h the health
     * @return every figure, in the page's order
     */
    public static List<Figure> figures(DeskHealth h) {
        List<Figure> f = new ArrayList<>();
        h.bands().forEach((k, v) -> f.add(new Figure("band", k, "open", v)));
        h.atRiskByTeam().forEach((k, v) -> f.add(new Figure("at_risk_by_team", k, "open", v)));
        h.breachesToday().forEach(b -> f.add(new Figure("breach_today", b.ticketId(), "breached_at",
                b.breachedAt().toString())));
        for (DeskHealth.Day d : h.days()) {
            String day = d.date().toString();
            f.add(new Figure("day", day, "opened", d.opened()));
            f.add(new Figure("day", day, "closed", d.closed()));
            f.add(new Figure("day", day, "backlog", d.backlog()));
            f.add(new Figure("day", day, "breached", d.breached()));
            f.add(new Figure("day", day, "breach_rate", nan(d.breachRate())));
            f.add(new Figure("day", day, "breach_rate_7d", nan(d.rolling7())));
        }
        groups(f, "team", h.teams());
        groups(f, "system", h.systems());
        h.chronic().forEach(g -> f.add(new Figure("chronic_system", g.name(), "breached", g.breached())));
        heat(f, "arrivals", h.arrivals());
        heat(f, "breaches_by_arrival", h.breachesByHour());
        return f;
    }

    private static void groups(List<Figure> f, String section, List<DeskHealth.Group> groups) {
        for (DeskHealth.Group g : groups) {
            f.add(new Figure(section, g.name(), "tickets", g.tickets()));
            f.add(new Figure(section, g.name(), "completed", g.completed()));
            f.add(new Figure(section, g.name(), "breached", g.breached()));
            f.add(new Figure(section, g.name(), "breach_rate", nan(g.breachRate())));
            f.add(new Figure(section, g.name(), "mttr_hours", nan(g.mttrHours())));
        }
    }

    private static void heat(List<Figure> f, String section, long[][] grid) {
        for (int d = 0; d < 7; d++) {
            for (int hour = 0; hour < 24; hour++) {
                if (grid[d][hour] > 0) {
                    f.add(new Figure(section, DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                            + String.format(Locale.ROOT, " %02d", hour), "tickets", grid[d][hour]));
                }
            }
        }
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
    }

    /**
     * @param dir     where to write
     * @param stem    the files' name without extension, e.g. snapshot-2026-03-10
     * @param header  what the JSON names first: the instant, the day, the metric
     * @param figures the figures
     * @param html    the page
     * @return the three files written
     */
    public static List<Path> write(Path dir, String stem, Map<String, Object> header, List<Figure> figures, String html) {
        try {
            Files.createDirectories(dir);
            Path csv = dir.resolve(stem + ".csv");
            try (Writer w = Files.newBufferedWriter(csv); ICSVWriter out = CsvFiles.writer(w)) {
                out.writeNext(new String[] {"section", "name", "measure", "value"}, false);
                for (Figure f : figures) {
                    out.writeNext(new String[] {f.section(), f.name(), f.measure(),
                        f.value() == null ? "" : String.valueOf(f.value())}, false);
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>(header);
            for (Figure f : figures) {
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) doc.computeIfAbsent(f.section(),
                        k -> new LinkedHashMap<String, Object>());
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) section.computeIfAbsent(f.name(),
                        k -> new LinkedHashMap<String, Object>());
                row.put(f.measure(), f.value());
            }
            Path json = dir.resolve(stem + ".json");
            JSON.writeValue(json.toFile(), doc);
            Path page = dir.resolve(stem + ".html");
            Files.writeString(page, html);
            return List.of(csv, json, page);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write the snapshot (" + e.getMessage() + ")", e);
        }
    }
}

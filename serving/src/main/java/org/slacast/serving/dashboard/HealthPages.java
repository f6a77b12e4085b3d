package org.slacast.serving.dashboard;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slacast.core.health.DeskHealth;

/**
 * The desk's health as HTML sections: the dashboard's pages and the daily snapshot's page are written from them.
 * Tables carry every figure; a chart is a {@code div} that {@code dashboard.js} draws from the JSON beside it.
 */
public final class HealthPages {
    private HealthPages() {
    }

    /** @param h the health; @param out where to write: open tickets by band, at risk by team, breaches today */
    public static void today(DeskHealth h, Html out) {
        out.raw("<section class=\"cards\">");
        for (Map.Entry<String, Long> e : h.bands().entrySet()) {
            out.raw("<div class=\"card band-").text(e.getKey()).raw("\"><span class=\"n\">").text(
                    String.valueOf(e.getValue())).raw("</span> ").text(e.getKey().replace('_', ' ')).raw("</div>");
        }
        out.raw("</section><h2>At risk or overdue, by team</h2>");
        List<List<String>> teams = new ArrayList<>();
        h.atRiskByTeam().forEach((k, v) -> teams.add(List.of(k, String.valueOf(v))));
        out.table("at-risk-by-team", List.of("team", "open at risk or overdue"), teams);
        out.raw("<h2>Breaches on ").text(h.day().toString()).raw("</h2>");
        List<List<String>> breaches = new ArrayList<>();
        h.breachesToday().forEach(b -> breaches.add(List.of(b.ticketId(), n(b.team()), n(b.system()), b.priority(),
                b.breachedAt().toString())));
        out.table("breaches-today", List.of("ticket", "team", "system", "priority", "breached at"), breaches);
    }

    /**
     * A day's health as one page that stands alone: the styles inline, no script, every figure in a table.
     *
     * @param h     the health
     * @param title the page's title
     * @return the page
     */
    public static String document(DeskHealth h, String title) {
        Html out = new Html();
        out.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(title)
                .raw("</title><style>").raw(css()).raw("</style></head><body><main><h1>").text(title).raw("</h1><p>")
                .text("Metric " + h.metric() + ", as of " + h.asOf()).raw("</p>");
        today(h, out);
        out.raw("<h2>By day</h2>");
        out.table("days", DAY_HEADER, dayRows(h));
        groups(h, out);
        heatmap(h, out);
        return out.raw("</main></body></html>").toString();
    }

    private static String css() {
        try (java.io.InputStream in = HealthPages.class.getResourceAsStream("dashboard.css")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the jar lacks dashboard.css", e);
        }
    }

    private static final List<String> DAY_HEADER = List.of("day", "opened", "closed", "backlog", "breached",
            "breach rate", "7-day average");

    private static List<List<String>> dayRows(DeskHealth h) {
        List<List<String>> rows = new ArrayList<>();
        for (DeskHealth.Day d : h.days()) {
            rows.add(List.of(d.date().toString(), String.valueOf(d.opened()), String.valueOf(d.closed()),
                    String.valueOf(d.backlog()), String.valueOf(d.breached()), Html.pct(d.breachRate()),
                    Html.pct(d.rolling7())));
        }
        return rows;
    }

    /** @param h the health; @param out where to write: the 30 days, two charts and their table */
    public static void trends(DeskHealth h, Html out) {
        StringBuilder dates = new StringBuilder();
        StringBuilder opened = new StringBuilder();
        StringBuilder closed = new StringBuilder();
        StringBuilder backlog = new StringBuilder();
        StringBuilder rate = new StringBuilder();
        StringBuilder rolling = new StringBuilder();
        for (DeskHealth.Day d : h.days()) {
            String sep = dates.isEmpty() ? "" : ",";
            dates.append(sep).append(d.date().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond());
            opened.append(sep).append(d.opened());
            closed.append(sep).append(d.closed());
            backlog.append(sep).append(d.backlog());
            rate.append(sep).append(json(d.breachRate()));
            rolling.append(sep).append(json(d.rolling7()));
        }
        out.raw("<h2>Volume, closed and backlog</h2><div class=\"chart\" data-chart=\"volume\" data-series=\""
                + "opened,closed,backlog\"></div>");
        out.raw("<h2>Breach rate, with its rolling 7-day average</h2><div class=\"chart\" data-chart=\"rate\" "
                + "data-series=\"breach rate,7-day average\" data-percent=\"1\"></div>");
        out.raw("<script type=\"application/json\" id=\"chart-volume\">[[" + dates + "],[" + opened + "],[" + closed
                + "],[" + backlog + "]]</script>");
        out.raw("<script type=\"application/json\" id=\"chart-rate\">[[" + dates + "],[" + rate + "],[" + rolling
                + "]]</script>");
        out.raw("<h2>By day</h2>");
        out.table("days", DAY_HEADER, dayRows(h));
    }

    /** @param h the health; @param out where to write: teams, systems and chronic systems */
    public static void groups(DeskHealth h, Html out) {
        out.raw("<h2>By team, last ").text(String.valueOf(DeskHealth.DAYS)).raw(" days</h2>");
        out.table("teams", GROUP_HEADER, rows(h.teams()));
        out.raw("<h2>By system</h2>");
        out.table("systems", GROUP_HEADER, rows(h.systems()));
        out.raw("<h2>Chronic systems: more than ").text(String.valueOf(DeskHealth.CHRONIC)).raw(" breaches</h2>");
        out.table("chronic", GROUP_HEADER, rows(h.chronic()));
    }

    private static final List<String> GROUP_HEADER = List.of("name", "tickets", "completed", "breached",
            "breach rate", "MTTR (hours)");

    private static List<List<String>> rows(List<DeskHealth.Group> groups) {
        List<List<String>> rows = new ArrayList<>();
        groups.forEach(g -> rows.add(List.of(g.name(), String.valueOf(g.tickets()), String.valueOf(g.completed()),
                String.valueOf(g.breached()), Html.pct(g.breachRate()), Html.num(g.mttrHours(), 1))));
        return rows;
    }

    /** @param h the health; @param out where to write: arrivals and breaches by weekday and hour, shaded */
    public static void heatmap(DeskHealth h, Html out) {
        out.raw("<h2>Arrivals by weekday and hour</h2>");
        grid("heat-arrivals", h.arrivals(), out);
        out.raw("<h2>Breaches by the weekday and hour their ticket arrived</h2>");
        grid("heat-breaches", h.breachesByHour(), out);
    }

    private static void grid(String id, long[][] cells, Html out) {
        List<String> days = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            days.add(DayOfWeek.of(d).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        List<String> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(String.format(Locale.ROOT, "%02d", hour));
        }
        grid(id, days, hours, cells, out);
    }

    /**
     * @param c   the cockpit
     * @param out where to write: uptime and the least stable systems, root causes by system, fix types, engineers'
     *            volume against resolution time (a scatter drawn as SVG), repeats and the automatable share
     */
    public static void cockpit(org.slacast.core.health.Cockpit c, Html out) {
        out.raw("<section class=\"cards\"><div class=\"card\"><span class=\"n\">").text(String.valueOf(c.tickets()))
                .raw("</span> tickets with a root cause</div><div class=\"card\"><span class=\"n\">")
                .text(Html.pct(c.automatable())).raw("</span> could be automated</div><div class=\"card\">"
                        + "<span class=\"n\">").text(String.valueOf(c.repeats())).raw("</span> repeat incidents "
                        + "(same requester and system within 24 h; ").text(String.valueOf(c.flaggedRepeats()))
                .raw(" flagged in the root causes)</div></section>");
        out.raw("<h2>System uptime, the least stable first</h2>");
        List<List<String>> up = new ArrayList<>();
        for (int i = 0; i < c.uptime().size(); i++) {
            var u = c.uptime().get(i);
            up.add(List.of(i < 5 ? "top " + (i + 1) : "", u.system(), Html.pct(u.share()), String.valueOf(u.downtime())));
        }
        out.table("uptime", List.of("unstable", "system", "uptime", "downtime (minutes)"), up);
        out.raw("<h2>Root causes by system</h2>");
        java.util.Set<String> categories = new java.util.TreeSet<>();
        c.causes().values().forEach(m -> categories.addAll(m.keySet()));
        long[][] grid = new long[c.causes().size()][categories.size()];
        List<String> systems = new ArrayList<>(c.causes().keySet());
        List<String> cats = new ArrayList<>(categories);
        for (int i = 0; i < systems.size(); i++) {
            for (int j = 0; j < cats.size(); j++) {
                grid[i][j] = c.causes().get(systems.get(i)).getOrDefault(cats.get(j), 0L);
            }
        }
        grid("heat-causes", systems, cats, grid, out);
        out.raw("<h2>Fix types</h2>");
        List<List<String>> fixes = new ArrayList<>();
        c.fixTypes().forEach((k, v) -> fixes.add(List.of(k, String.valueOf(v))));
        out.table("fix-types", List.of("fix type", "tickets"), fixes);
        out.raw("<h2>Engineers: resolution time against volume</h2>");
        scatter(c.engineers(), out);
        List<List<String>> eng = new ArrayList<>();
        c.engineers().forEach(e -> eng.add(List.of(e.name(), String.valueOf(e.resolved()), Html.num(e.hours(), 1))));
        out.table("engineers", List.of("engineer", "resolved", "mean hours"), eng);
    }

    /** A scatter as inline SVG: no script needed, and every point is in the table below it too. */
    private static void scatter(List<org.slacast.core.health.Cockpit.Engineer> points, Html out) {
        double maxX = points.stream().mapToDouble(e -> e.resolved()).max().orElse(1);
        double maxY = points.stream().mapToDouble(e -> Double.isNaN(e.hours()) ? 0 : e.hours()).max().orElse(1);
        int w = 640;
        int h = 300;
        int pad = 40;
        out.raw("<svg id=\"engineer-scatter\" class=\"scatter\" width=\"" + w + "\" height=\"" + h
                + "\" role=\"img\" aria-label=\"resolution hours against tickets resolved, one point per engineer\">"
                + "<line x1=\"" + pad + "\" y1=\"" + (h - pad) + "\" x2=\"" + (w - 10) + "\" y2=\"" + (h - pad)
                + "\" stroke=\"#8a94a3\"/><line x1=\"" + pad + "\" y1=\"10\" x2=\"" + pad + "\" y2=\"" + (h - pad)
                + "\" stroke=\"#8a94a3\"/><text x=\"" + (w / 2) + "\" y=\"" + (h - 8) + "\" font-size=\"12\">"
                + "tickets resolved (max " + (long) maxX + ")</text><text x=\"4\" y=\"20\" font-size=\"12\">"
                + "hours (max " + Html.num(maxY, 1) + ")</text>");
        for (var e : points) {
            if (Double.isNaN(e.hours())) {
                continue;
            }
            double x = pad + (w - pad - 20) * (e.resolved() / Math.max(1, maxX));
            double y = (h - pad) - (h - pad - 20) * (e.hours() / Math.max(1e-9, maxY));
            out.raw(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#5aa9e6\">"
                    + "<title>", x, y)).text(e.name() + ": " + e.resolved() + " resolved, " + Html.num(e.hours(), 1)
                    + " h").raw("</title></circle>");
        }
        out.raw("</svg>");
    }

    private static void grid(String id, List<String> rows, List<String> columns, long[][] cells, Html out) {
        long max = 1;
        for (long[] row : cells) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        out.raw("<table class=\"heat\" id=\"").text(id).raw("\"><thead><tr><th></th>");
        columns.forEach(col -> out.raw("<th>").text(col).raw("</th>"));
        out.raw("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            out.raw("<tr><th>").text(rows.get(i)).raw("</th>");
            for (long v : cells[i]) {
                out.raw("<td style=\"--v:" + Math.round(100.0 * v / max) + "%\">").text(String.valueOf(v)).raw("</td>");
            }
            out.raw("</tr>");
        }
        out.raw("</tbody></table>");
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static String json(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}

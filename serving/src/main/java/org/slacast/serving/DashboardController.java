package org.slacast.serving;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slacast.core.health.DeskHealth;
import org.slacast.models.Registry;
import org.slacast.serving.dashboard.DashboardSessions;
import org.slacast.serving.dashboard.HealthPages;
import org.slacast.serving.dashboard.Html;
import org.slacast.serving.dashboard.Pages;

/** {@code /dashboard}: the managers' pages, their login and their assets. */
final class DashboardController {
    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> ASSETS = Map.of(
            "uPlot.iife.min.js", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
            "uPlot.min.css", "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css",
            "dashboard.js", "/org/slacast/serving/dashboard/dashboard.js",
            "dashboard.css", "/org/slacast/serving/dashboard/dashboard.css");

    private final ServingConfig config;
    private final QueueView queue;
    private final HealthCache health;
    private final ScoringService scoring;
    private final ActiveModel models;
    private final DashboardSessions sessions;

    DashboardController(ServingConfig config, QueueView queue, HealthCache health, ScoringService scoring,
                        ActiveModel models, DashboardSessions sessions) {
        this.config = config;
        this.queue = queue;
        this.health = health;
        this.scoring = scoring;
        this.models = models;
        this.sessions = sessions;
    }

    void queue(Context ctx) {
        Html h = new Html();
        QueueFilter filter;
        try {
            filter = QueueController.filter(ctx);
        } catch (BadRequest e) {
            h.raw("<p class=\"error\" role=\"alert\">").text(e.errors().isEmpty() ? e.getMessage()
                    : e.errors().getFirst().field() + ": " + e.errors().getFirst().message()).raw("</p>");
            filter = QueueFilter.all();
        }
        filters(ctx, h);
        List<QueueRow> rows = queue.rows(filter);
        h.raw("<p>").text(rows.size() + " of " + queue.open() + " open tickets, by expected saving").raw("</p>");
        h.raw("<table id=\"queue\"><thead><tr>");
        for (String c : List.of("ticket", "team", "system", "priority", "SLA band", "due", "breach probability",
                "expected saving", "action", "why", "scored at")) {
            h.raw("<th>").text(c).raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        for (QueueRow r : rows) {
            h.raw("<tr class=\"action-").text(r.action()).raw("\" data-ticket=\"").text(r.ticketId()).raw("\">");
            for (String c : List.of(r.ticketId(), nz(r.team()), nz(r.system()), r.priority().label(),
                    r.slaBand().label(), r.dueAt() == null ? "" : r.dueAt().toString(), Html.pct(r.probability()),
                    Html.num(r.expectedSaving(), 2), r.action(), String.join(", ", r.reasons().stream()
                            .map(org.slacast.models.ModelBundle.Reason::feature).toList()), r.scoredAt().toString())) {
                h.raw("<td>").text(c).raw("</td>");
            }
            h.raw("</tr>");
        }
        if (rows.isEmpty()) {
            h.raw("<tr><td colspan=\"11\" class=\"empty\">no open ticket matches</td></tr>");
        }
        h.raw("</tbody></table>");
        DeskHealth d = health.get();
        if (d != null) {
            HealthPages.today(d, h);
        }
        send(ctx, "At risk now", "/dashboard", h);
    }

    private static void filters(Context ctx, Html h) {
        h.raw("<form class=\"filters\" method=\"get\" action=\"/dashboard\">");
        for (String f : List.of("team", "system")) {
            h.raw("<label>").text(f).raw(" <input name=\"" + f + "\" maxlength=\"256\" value=\"")
                    .text(ctx.queryParam(f)).raw("\"></label>");
        }
        select(h, "priority", ctx.queryParam("priority"), List.of("", "critical", "high", "medium", "low", "planning"));
        select(h, "band", ctx.queryParam("band"), List.of("", "at_risk", "overdue", "on_track", "paused", "high",
                "medium", "low"));
        h.raw("<label>limit <input name=\"limit\" type=\"number\" min=\"1\" max=\"" + QueueFilter.MAX_LIMIT
                + "\" value=\"").text(ctx.queryParam("limit") == null ? String.valueOf(QueueFilter.DEFAULT_LIMIT)
                : ctx.queryParam("limit")).raw("\"></label><button>Filter</button></form>");
    }

    private static void select(Html h, String name, String chosen, List<String> options) {
        h.raw("<label>").text(name).raw(" <select name=\"" + name + "\">");
        for (String o : options) {
            h.raw("<option" + (o.equals(chosen) ? " selected" : "") + " value=\"").text(o).raw("\">")
                    .text(o.isEmpty() ? "any" : o).raw("</option>");
        }
        h.raw("</select></label>");
    }

    void trends(Context ctx) {
        section(ctx, "Trends", "/dashboard/trends", HealthPages::trends);
    }

    void teams(Context ctx) {
        section(ctx, "Teams and systems", "/dashboard/teams", HealthPages::groups);
    }

    void heatmap(Context ctx) {
        section(ctx, "Hour × weekday", "/dashboard/heatmap", HealthPages::heatmap);
    }

    private void section(Context ctx, String title, String path, java.util.function.BiConsumer<DeskHealth, Html> s) {
        Html h = new Html();
        DeskHealth d = health.get();
        if (d == null) {
            h.raw("<p>No model is active, so no metric to count.</p>");
        } else {
            h.raw("<p>").text("Metric " + d.metric() + ", days in " + config.queue().zone().getId() + ", as of "
                    + d.asOf()).raw("</p>");
            s.accept(d, h);
        }
        send(ctx, title, path, h);
    }

    void cockpit(Context ctx) {
        Html h = new Html();
        org.slacast.core.health.Cockpit c = health.cockpit();
        if (c == null) {
            h.raw("<p>").text("No tables linked to tickets: start the server with --cockpit DIR, a directory holding "
                    + "root_causes.csv and business_impact.csv as 'slacast generate' writes them.").raw("</p>");
        } else {
            h.raw("<p>").text("The last 30 days, as of " + queue.clock() + ". A ticket could be automated when it was "
                    + "fixed by a workaround and is a repeat incident or caused by user error or configuration.")
                    .raw("</p>");
            HealthPages.cockpit(c, h);
        }
        send(ctx, "Service delivery", "/dashboard/cockpit", h);
    }

    void model(Context ctx) {
        Html h = new Html();
        ActiveModel.Loaded m = models.get();
        Map<String, Object> report = scoring.monitoring().report(m == null ? null : m.bundle());
        h.raw("<h2>Live monitoring</h2>");
        List<List<String>> figures = new ArrayList<>();
        for (String k : List.of("predictions_tracked", "outcomes_known", "roc_auc", "brier", "breach_rate")) {
            Object v = report.get(k);
            figures.add(List.of(k.replace('_', ' '), v == null ? "– (no outcome known yet)" : String.valueOf(v)));
        }
        h.table("monitoring", List.of("measure", "value"), figures);
        if (report.get("calibration") instanceof List<?> bins) {
            List<List<String>> rows = new ArrayList<>();
            for (Object bin : bins) {
                rows.add(List.of(String.valueOf(bin)));
            }
            h.raw("<h2>Calibration</h2>").table("calibration", List.of("bin"), rows);
        }
        List<List<String>> drift = new ArrayList<>();
        if (report.get("drift") instanceof List<?> ds) {
            for (Object o : ds) {
                if (o instanceof Map<?, ?> e) {
                    drift.add(List.of(String.valueOf(e.get("feature")), String.valueOf(e.get("psi"))));
                }
            }
        }
        h.raw("<h2>Drift (PSI of recent scores against training)</h2>").table("drift", List.of("feature", "PSI"), drift);
        h.raw("<h2>Models</h2><table id=\"models\"><thead><tr><th>model</th><th>kind</th><th>role</th><th>report</th>"
                + "</tr></thead><tbody>");
        for (Registry.Entry e : models.registry().list()) {
            h.raw("<tr><td>").text(e.id()).raw("</td><td>").text(e.manifest().kind()).raw("</td><td>")
                    .text(String.valueOf(e.role())).raw("</td><td><a href=\"/reports/").text(e.id()).raw("\">report</a>"
                    + "</td></tr>");
        }
        h.raw("</tbody></table>");
        send(ctx, "Model", "/dashboard/model", h);
    }

    private void send(Context ctx, String title, String path, Html body) {
        ctx.contentType(HTML).header("Cache-Control", "no-store").result(Pages.page(title, path, queue.clock(),
                body.toString(), !config.keys().open()));
    }

    void loginForm(Context ctx) {
        ctx.contentType(HTML).result(Pages.login(null, config.keys().open()));
    }

    void login(Context ctx) {
        String key = ctx.formParam("key");
        ApiRole role = key == null || key.length() > 256 ? null : config.keys().roleOf(key.strip());
        if (role == null) {
            ctx.status(HttpStatus.UNAUTHORIZED).contentType(HTML).result(Pages.login("That key is not one of this "
                    + "server's; give a score or admin key.", config.keys().open()));
            return;
        }
        String token = sessions.open(role);
        ctx.header("Set-Cookie", DashboardSessions.COOKIE + "=" + token + "; Path=/dashboard; HttpOnly; "
                + "SameSite=Strict; Max-Age=" + sessions.ttl().toSeconds() + (ctx.scheme().equals("https")
                ? "; Secure" : ""));
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(DashboardSessions.COOKIE));
        ctx.header("Set-Cookie", DashboardSessions.COOKIE + "=; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/dashboard/login", HttpStatus.SEE_OTHER);
    }

    void asset(Context ctx) throws IOException {
        String path = ASSETS.get(ctx.pathParam("name"));
        if (path == null) {
            throw new NotFoundResponse("no such asset");
        }
        try (InputStream in = DashboardController.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new NotFoundResponse("the jar lacks " + path);
            }
            String name = ctx.pathParam("name");
            ctx.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
                    .header("Cache-Control", "max-age=3600").result(in.readAllBytes());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package org.slacast.serving.dashboard;

import java.time.Instant;

/** The frame every dashboard page shares: title, navigation, refresh, styles and the chart scripts. */
public final class Pages {
    /** How often a page reloads itself, in seconds: a meta refresh, so it works without JavaScript. */
    public static final int REFRESH_SECONDS = 20;
    private static final String[][] NAV = {{"/dashboard", "At risk"}, {"/dashboard/trends", "Trends"},
        {"/dashboard/teams", "Teams and systems"}, {"/dashboard/heatmap", "Heatmap"}, {"/dashboard/cockpit", "Service delivery"},
        {"/dashboard/model", "Model"}};

    private Pages() {
    }

    /**
     * @param title   the page's title
     * @param path    the page's own path, marked in the navigation
     * @param clock   the instant the figures are as of
     * @param body    the page's content
     * @param session whether a logout button is shown
     * @return the page
     */
    public static String page(String title, String path, Instant clock, String body, boolean session) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>slacast · ").text(title)
                .raw("</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\">"
                        + "<link rel=\"stylesheet\" href=\"/dashboard/assets/uPlot.min.css\">"
                        + "<link rel=\"stylesheet\" href=\"/dashboard/assets/dashboard.css\"></head><body><header>"
                        + "<strong>slacast</strong><nav>");
        for (String[] n : NAV) {
            h.raw("<a href=\"" + n[0] + "\"" + (n[0].equals(path) ? " aria-current=\"page\"" : "") + ">").text(n[1])
                    .raw("</a>");
        }
        h.raw("</nav><span class=\"clock\">as of <time id=\"clock\">").text(clock.toString()).raw("</time></span>");
        if (session) {
            h.raw("<form method=\"post\" action=\"/dashboard/logout\"><button>Log out</button></form>");
        }
        h.raw("</header><main><h1>").text(title).raw("</h1>").raw(body).raw("</main>"
                + "<script src=\"/dashboard/assets/uPlot.iife.min.js\"></script>"
                + "<script src=\"/dashboard/assets/dashboard.js\"></script></body></html>");
        return h.toString();
    }

    /**
     * @param message why the form is shown again, or null
     * @param open    whether the server has no keys, so no login is needed
     * @return the login page
     */
    public static String login(String message, boolean open) {
        Html h = new Html();
        h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>slacast · log in</title>"
                + "<link rel=\"stylesheet\" href=\"/dashboard/assets/dashboard.css\"></head><body class=\"login\">"
                + "<main><h1>slacast dashboard</h1>");
        if (message != null) {
            h.raw("<p class=\"error\" role=\"alert\">").text(message).raw("</p>");
        }
        if (open) {
            h.raw("<p>This server has no API keys: <a href=\"/dashboard\">the dashboard</a> is open.</p>");
        } else {
            h.raw("<form method=\"post\" action=\"/dashboard/login\"><label>API key <input type=\"password\" "
                    + "name=\"key\" autocomplete=\"current-password\" required maxlength=\"256\" autofocus></label>"
                    + "<button>Log in</button></form><p>A score or admin key of this server "
                    + "(<code>SLACAST_API_KEYS</code>). The key is not stored in the browser: a session cookie is.</p>");
        }
        return h.raw("</main></body></html>").toString();
    }
}

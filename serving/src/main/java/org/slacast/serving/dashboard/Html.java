package org.slacast.serving.dashboard;

import java.util.List;
import java.util.Locale;

/** Writes HTML, escaping every value it is given; markup comes only from this code. */
public final class Html {
    private final StringBuilder b = new StringBuilder(8192);

    /**
     * @param text any text
     * @return it with {@code & < > " '} escaped, safe in content and in quoted attributes
     */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** @param markup markup written by this code, never a value; @return this */
    public Html raw(String markup) {
        b.append(markup);
        return this;
    }

    /** @param text a value; @return this */
    public Html text(String text) {
        b.append(esc(text));
        return this;
    }

    /** @param tag an element; @param text its content, escaped; @return this */
    public Html el(String tag, String text) {
        b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    /**
     * A table; every cell is escaped.
     *
     * @param id     the table's id
     * @param header the column names
     * @param rows   the rows
     * @return this
     */
    public Html table(String id, List<String> header, List<List<String>> rows) {
        b.append("<table id=\"").append(esc(id)).append("\"><thead><tr>");
        header.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (List<String> r : rows) {
            b.append("<tr>");
            r.forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>");
        }
        if (rows.isEmpty()) {
            b.append("<tr><td colspan=\"").append(header.size()).append("\" class=\"empty\">none</td></tr>");
        }
        b.append("</tbody></table>");
        return this;
    }

    /** @param v a number; @return it with {@code digits} decimals, or a dash for NaN */
    public static String num(double v, int digits) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** @param v a share; @return it as a percentage, or a dash for NaN */
    public static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    @Override
    public String toString() {
        return b.toString();
    }
}

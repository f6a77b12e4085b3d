package org.slacast.training.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slacast.models.BinaryMetrics;
import org.slacast.training.eval.Evaluation;

/** The report's charts, drawn by XChart and returned as inline SVG. */
final class Charts {
    private static final int W = 560;
    private static final int H = 380;

    static {
        // Charts are drawn on servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    static String roc(List<Evaluation> evals) {
        XYChart c = xy("ROC curve (test)", "false positive rate", "true positive rate");
        for (Evaluation e : evals) {
            line(c, label(e), e.roc()[0], e.roc()[1]);
        }
        XYSeries d = c.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        d.setLineColor(Color.LIGHT_GRAY);
        d.setMarker(SeriesMarkers.NONE);
        return svg(c);
    }

    static String pr(List<Evaluation> evals) {
        XYChart c = xy("Precision-recall curve (test)", "recall", "precision");
        for (Evaluation e : evals) {
            line(c, label(e), e.pr()[0], e.pr()[1]);
        }
        return svg(c);
    }

    static String calibration(List<Evaluation> evals) {
        XYChart c = xy("Calibration (test, ten bins)", "mean predicted probability", "observed breach rate");
        XYSeries d = c.addSeries("perfect", new double[] {0, 1}, new double[] {0, 1});
        d.setLineColor(Color.LIGHT_GRAY);
        d.setMarker(SeriesMarkers.NONE);
        for (Evaluation e : evals) {
            List<BinaryMetrics.CalibrationBin> bins = e.calibration();
            XYSeries s = c.addSeries(label(e), bins.stream().mapToDouble(BinaryMetrics.CalibrationBin::meanPredicted)
                    .toArray(), bins.stream().mapToDouble(BinaryMetrics.CalibrationBin::observedRate).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return svg(c);
    }

    static String cost(Evaluation e) {
        XYChart c = xy("Validation cost by threshold: " + label(e), "threshold", "total cost");
        double[] t = e.cost().curve().stream().mapToDouble(p -> p[0]).toArray();
        double[] v = e.cost().curve().stream().mapToDouble(p -> p[1]).toArray();
        line(c, "total cost", t, v);
        double min = java.util.Arrays.stream(v).min().orElse(0);
        double max = java.util.Arrays.stream(v).max().orElse(1);
        XYSeries mark = c.addSeries("chosen " + e.cost().threshold(), new double[] {e.cost().threshold(),
            e.cost().threshold()}, new double[] {min, max});
        mark.setLineColor(Color.RED);
        mark.setMarker(SeriesMarkers.NONE);
        return svg(c);
    }

    static String capacity(org.slacast.training.eval.CapacityRanking c) {
        String per = c.capacity() == null ? "hour" : org.slacast.core.policy.Durations.format(c.capacity().per());
        XYChart x = xy("Net savings by capacity (interventions per " + per + ")", "interventions per " + per,
                "net savings on test");
        line(x, "ranked by expected saving", c.curve().stream().mapToDouble(p -> p.perWindow()).toArray(),
                c.curve().stream().mapToDouble(p -> p.netSavings()).toArray());
        return svg(x);
    }

    static String importance(String title, List<Report.Importance> imp) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H + 60).title(title).xAxisTitle("")
                .yAxisTitle("share of mean |contribution|").build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(60);
        c.addSeries("importance", imp.stream().map(Report.Importance::feature).toList(),
                imp.stream().map(i -> (Number) i.value()).toList());
        return svg(c);
    }

    static String bars(String title, String yTitle, Map<String, ? extends Number> values) {
        CategoryChart c = new CategoryChartBuilder().width(W).height(H + 40).title(title).yAxisTitle(yTitle).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries(yTitle, new ArrayList<>(values.keySet()), new ArrayList<Number>(values.values()));
        return svg(c);
    }

    /** Tickets per system, largest first, with the cumulative share as a line (a Pareto chart). */
    static String pareto(Map<String, Long> systems) {
        List<String> names = new ArrayList<>(systems.keySet());
        List<Number> counts = new ArrayList<>(systems.values());
        double total = systems.values().stream().mapToLong(Long::longValue).sum();
        List<Number> cumulative = new ArrayList<>();
        double run = 0;
        for (Number n : counts) {
            run += n.doubleValue();
            cumulative.add(total == 0 ? 0 : run / total * counts.getFirst().doubleValue());
        }
        CategoryChart c = new CategoryChartBuilder().width(W).height(H + 40).title("Tickets by system (Pareto; line: "
                + "cumulative share, scaled)").yAxisTitle("tickets").build();
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("tickets", names, counts);
        CategorySeries line = c.addSeries("cumulative share", names, cumulative);
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        return svg(c);
    }

    static String heatmap(Map<Integer, Map<Integer, DeskFacts.Rate>> byDayHour) {
        double[][] v = new double[7][24];
        for (int d = 1; d <= 7; d++) {
            for (int h = 0; h < 24; h++) {
                DeskFacts.Rate r = byDayHour.getOrDefault(d, Map.of()).get(h);
                v[d - 1][h] = r == null ? 0 : Math.round(1000 * r.rate()) / 10.0;
            }
        }
        return weekHours("Breach rate (%) by weekday and hour of creation", "breach rate", v);
    }

    /**
     * @param title  the chart's title
     * @param series the values' name
     * @param values [weekday 0 = Monday][hour]
     * @return a weekday × hour heatmap as SVG
     */
    static String weekHours(String title, String series, double[][] values) {
        HeatMapChart c = new HeatMapChartBuilder().width(W + 120).height(H).title(title).xAxisTitle("hour")
                .yAxisTitle("weekday (1 = Monday)").build();
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        List<Integer> days = List.of(1, 2, 3, 4, 5, 6, 7);
        List<Number[]> cells = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            for (int d = 0; d < 7; d++) {
                cells.add(new Number[] {h, d, values[d][h]});
            }
        }
        c.addSeries(series, hours, days, cells);
        return svg(c);
    }

    private static XYChart xy(String title, String x, String y) {
        XYChart c = new XYChartBuilder().width(W).height(H).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setMarkerSize(4);
        return c;
    }

    private static void line(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = c.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static String label(Evaluation e) {
        return e.name().length() > 32 ? e.name().substring(0, 32) : e.name();
    }

    private static String svg(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            String s = out.toString(StandardCharsets.UTF_8);
            int start = s.indexOf("<svg");
            return start < 0 ? s : s.substring(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart", e);
        }
    }
}

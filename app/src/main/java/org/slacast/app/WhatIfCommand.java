package org.slacast.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slacast.core.BadInputException;
import org.slacast.core.cost.CostFile;
import org.slacast.core.cost.CostModel;
import org.slacast.datasets.generate.DeskChange;
import org.slacast.datasets.generate.Profile;
import org.slacast.datasets.whatif.SeedInterval;
import org.slacast.datasets.whatif.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slacast whatif}: a changed simulated desk against the unchanged one, with intervals over seeds. */
@Command(name = "whatif", mixinStandardHelpOptions = true, description = {
    "Simulate the desk of a profile unchanged and with each change, over the same period and with the same random "
        + "numbers (so that differences are the change's, not noise), for several seeds; report breaches avoided "
        + "per metric and priority, penalty saved, agent hours and the change in p95 resolution time, each with a "
        + "95%% interval over seeds.",
    "", "Example:", "  slacast whatif --profile banking-it --add-agent \"L1 22:00-06:00 Mon-Fri\" --faster L2=20%%"})
public final class WhatIfCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "banking-it", paramLabel = "P",
            description = "banking-it or saas-support (default: ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--tickets", defaultValue = "10000", paramLabel = "N",
            description = "Tickets the unchanged desk receives; sets the period (default: ${DEFAULT-VALUE}).")
    private int tickets;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "First seed; runs use S, S+1, ... (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "K",
            description = "Seeds to run, for the intervals (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--start", defaultValue = "2025-01-06", paramLabel = "DATE",
            description = "First day, in the desk's zone (default: ${DEFAULT-VALUE}).")
    private LocalDate start;

    @Option(names = "--cost", paramLabel = "FILE", description = "Cost file for the penalties (default: the defaults).")
    private Path costFile;

    @Option(names = "--add-agent", paramLabel = "SHIFT",
            description = "Add an agent: TIER[:TEAM] HH:MM-HH:MM DAYS, e.g. \"L1 22:00-06:00 Mon-Fri\".")
    private List<String> add = new ArrayList<>();

    @Option(names = "--remove-agent", paramLabel = "ID", description = "Remove an agent by id, as in agents.csv.")
    private List<String> remove = new ArrayList<>();

    @Option(names = "--faster", paramLabel = "STAGE=CUT",
            description = "Cut a stage's time: L1, L2, L3 (hands-on) or awaiting_parts, awaiting_change, "
                    + "awaiting_fix, pending_customer (waits), e.g. L2=20%%.")
    private Map<String, String> faster = new LinkedHashMap<>();

    @Option(names = "--reopen-rate", paramLabel = "CHANGE", description = "Change the reopen rate, e.g. -25%%.")
    private String reopen;

    @Option(names = "--arrivals", paramLabel = "CHANGE", description = "Change the arrival rate, e.g. +10%%.")
    private String arrivals;

    @Option(names = "--together", description = "Judge all changes as one desk, not each alone.")
    private boolean together;

    /** Creates the command. */
    public WhatIfCommand() {
        // picocli fills the fields
    }

    @Override
    public Integer call() {
        if (tickets < 100 || runs < 1 || runs > 100) {
            throw new UsageException("give --tickets 100 or more and --runs between 1 and 100");
        }
        List<DeskChange> changes = changes();
        if (changes.isEmpty()) {
            throw new UsageException("give a change: --add-agent, --remove-agent, --faster, --reopen-rate or --arrivals");
        }
        Profile p = Profile.named(profile);
        CostModel cost = costFile == null ? CostModel.defaults() : CostFile.load(costFile).cost();
        List<Long> seeds = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            seeds.add(seed + k);
        }
        List<WhatIf.Effect> effects = new WhatIf(p, tickets, start.atStartOfDay(p.zone()).toInstant(), cost)
                .compare(seeds, changes);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s, %,d tickets per run, seeds %d..%d; each change against the unchanged desk, mean [95%% "
                + "interval] over %d runs with common random numbers%n", p.name(), tickets, seed, seed + runs - 1, runs);
        for (WhatIf.Effect e : effects) {
            print(out, e);
        }
        return 0;
    }

    static void print(PrintWriter out, WhatIf.Effect e) {
        out.printf("%n%s%n", e.change().label());
        out.printf("  penalty saved        %s%n", e.penaltySaved().format("%.0f"));
        out.printf("  agent hours added    %s%n", e.agentHours().format("%.0f"));
        out.printf("  p95 resolution       %s business minutes%n", e.p95Change().format("%+.1f"));
        out.printf("  breaches avoided (of the unchanged desk's mean):%n");
        e.breachesAvoided().forEach((metric, byPriority) -> {
            out.printf("    %-16s %-26s of %5.0f  %s%n", metric, byPriority.get("all").format("%.1f"),
                    e.base().get(metric), marker(byPriority.get("all")));
            StringBuilder b = new StringBuilder();
            byPriority.forEach((pr, v) -> {
                if (!pr.equals("all") && v.mean() != 0) {
                    b.append(String.format("%s %.1f; ", pr, v.mean()));
                }
            });
            if (!b.isEmpty()) {
                out.printf("      by priority: %s%n", b.substring(0, b.length() - 2));
            }
        });
    }

    private static String marker(SeedInterval v) {
        return v.holds() ? "" : "(interval holds 0)";
    }

    private List<DeskChange> changes() {
        List<DeskChange> out = new ArrayList<>();
        for (String a : add) {
            out.add(new DeskChange("--add-agent " + a, List.of(DeskChange.AgentSpec.parse(a)), List.of(), Map.of(), 1, 1));
        }
        for (String r : remove) {
            out.add(new DeskChange("--remove-agent " + r, List.of(), List.of(r), Map.of(), 1, 1));
        }
        faster.forEach((stage, cut) -> out.add(new DeskChange("--faster " + stage + "=" + cut, List.of(), List.of(),
                Map.of(stage, share(cut, "--faster " + stage)), 1, 1)));
        if (reopen != null) {
            out.add(new DeskChange("--reopen-rate " + reopen, List.of(), List.of(), Map.of(),
                    1 + share(reopen, "--reopen-rate"), 1));
        }
        if (arrivals != null) {
            out.add(new DeskChange("--arrivals " + arrivals, List.of(), List.of(), Map.of(), 1,
                    1 + share(arrivals, "--arrivals")));
        }
        return together && out.size() > 1 ? List.of(combined(out)) : out;
    }

    private static DeskChange combined(List<DeskChange> all) {
        List<DeskChange.AgentSpec> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, Double> faster = new LinkedHashMap<>();
        double reopen = 1;
        double arrivals = 1;
        for (DeskChange c : all) {
            add.addAll(c.add());
            remove.addAll(c.remove());
            faster.putAll(c.faster());
            reopen *= c.reopenFactor();
            arrivals *= c.arrivalFactor();
        }
        return new DeskChange(String.join(" ", all.stream().map(DeskChange::label).toList()), add, remove, faster,
                reopen, arrivals);
    }

    /** {@code 20%}, {@code -25%}, {@code +10%} or a plain share such as {@code 0.2}. */
    static double share(String text, String flag) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException(flag + ": '" + text + "' is not a percentage such as 20% or -25%");
        }
    }
}

package org.slacast.datasets.generate;

import org.slacast.core.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What a simulated service desk looks like: its systems, teams and rosters, escalation and pause behaviour,
 * load, and the SLA policy that ships with it.
 *
 * @param name             profile name
 * @param zone             the desk's zone: rosters and arrival seasonality follow its wall clock
 * @param systems          the systems tickets are about
 * @param categories       ticket categories with weights
 * @param channels         arrival channels with weights
 * @param contracts        contract levels with weights
 * @param regions          customer regions, each with a zone
 * @param rosters          for each tier, agents on shift for each of the three 8-hour shifts (00-08, 08-16, 16-24),
 *                         weekdays and weekends
 * @param ticketsPerDay    mean arrivals per weekday at baseline
 * @param serviceMinutes   median hands-on minutes per tier
 * @param storminess       chance per day of an outage on one system
 */
public record Profile(String name, ZoneId zone, List<SystemSpec> systems, Map<String, Double> categories,
                      Map<String, Double> channels, Map<String, Double> contracts, Map<String, ZoneId> regions,
                      List<Roster> rosters, double ticketsPerDay, double[] serviceMinutes, double storminess) {

    /**
     * A system tickets are about.
     *
     * @param name          its name
     * @param weight        share of tickets
     * @param escalation    extra chance that an L1 ticket about it escalates
     * @param transactional whether it carries transactions (outages have a business impact)
     * @param team          the L2/L3 team that owns it
     */
    public record SystemSpec(String name, double weight, double escalation, boolean transactional, String team) {
    }

    /**
     * Agents of one team in one tier per shift.
     *
     * @param tier      1, 2 or 3
     * @param team      the team
     * @param weekday   agents on shift 00-08, 08-16, 16-24 on weekdays
     * @param weekend   the same on weekends
     */
    public record Roster(int tier, String team, int[] weekday, int[] weekend) {
    }

    /** @return the policy file text that ships with the profile */
    public String policyYaml() {
        try (InputStream in = Profile.class.getResourceAsStream("/org/slacast/datasets/profiles/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("profile " + name + " has no policy resource");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the names of the built-in profiles */
    public static List<String> names() {
        return List.of("banking-it", "saas-support");
    }

    /**
     * @param name a profile name
     * @return the built-in profile
     * @throws IllegalArgumentException naming the profiles there are
     */
    public static Profile named(String name) {
        return switch (name) {
            case "banking-it" -> banking();
            case "saas-support" -> saas();
            default -> throw new BadInputException("unknown profile '" + name + "'; use one of " + names());
        };
    }

    private static Profile banking() {
        return new Profile("banking-it", ZoneId.of("Europe/London"), List.of(
                new SystemSpec("Core Banking", 0.16, 0.25, true, "Core Platforms"),
                new SystemSpec("Mobile App", 0.18, 0.10, true, "Digital Channels"),
                new SystemSpec("ATM Switch", 0.10, 0.20, true, "Payments"),
                new SystemSpec("Internet Banking", 0.16, 0.10, true, "Digital Channels"),
                new SystemSpec("Card Management", 0.12, 0.15, true, "Payments"),
                new SystemSpec("Payments Gateway", 0.08, 0.25, true, "Payments"),
                new SystemSpec("Email & Office", 0.12, 0.02, false, "Workplace IT"),
                new SystemSpec("HR Portal", 0.08, 0.02, false, "Workplace IT")),
                Map.of("Hardware", 0.2, "Software", 0.35, "Network", 0.2, "Access", 0.25),
                Map.of("Email", 0.3, "Phone", 0.3, "Portal", 0.3, "Chat", 0.1),
                Map.of("standard", 0.7, "gold", 0.22, "platinum", 0.08),
                Map.of("UK", ZoneId.of("Europe/London"), "EU", ZoneId.of("Europe/Berlin"),
                        "APAC", ZoneId.of("Asia/Singapore")),
                List.of(new Roster(1, "Service Desk", new int[] {1, 11, 6}, new int[] {1, 3, 1}),
                        new Roster(2, "Core Platforms", new int[] {0, 3, 1}, new int[] {0, 1, 0}),
                        new Roster(2, "Digital Channels", new int[] {0, 2, 0}, new int[] {0, 0, 0}),
                        new Roster(2, "Payments", new int[] {1, 3, 1}, new int[] {0, 1, 0}),
                        new Roster(2, "Workplace IT", new int[] {0, 2, 0}, new int[] {0, 0, 0}),
                        new Roster(3, "Core Platforms", new int[] {0, 2, 0}, new int[] {0, 0, 0}),
                        new Roster(3, "Digital Channels", new int[] {0, 1, 0}, new int[] {0, 0, 0}),
                        new Roster(3, "Payments", new int[] {0, 1, 0}, new int[] {0, 0, 0}),
                        new Roster(3, "Workplace IT", new int[] {0, 1, 0}, new int[] {0, 0, 0})),
                170, new double[] {20, 60, 150}, 0.15);
    }

    private static Profile saas() {
        return new Profile("saas-support", ZoneId.of("America/New_York"), List.of(
                new SystemSpec("Web App", 0.3, 0.10, false, "Product Engineering"),
                new SystemSpec("Public API", 0.15, 0.25, true, "Platform"),
                new SystemSpec("Billing", 0.15, 0.15, true, "Platform"),
                new SystemSpec("Integrations", 0.2, 0.20, false, "Product Engineering"),
                new SystemSpec("Single Sign-On", 0.1, 0.15, false, "Platform"),
                new SystemSpec("Reporting", 0.1, 0.10, false, "Product Engineering")),
                Map.of("Hardware", 0.05, "Software", 0.5, "Network", 0.15, "Access", 0.3),
                Map.of("Email", 0.35, "Phone", 0.1, "Portal", 0.25, "Chat", 0.3),
                Map.of("starter", 0.5, "business", 0.35, "enterprise", 0.15),
                Map.of("NA", ZoneId.of("America/New_York"), "EMEA", ZoneId.of("Europe/London"),
                        "APAC", ZoneId.of("Australia/Sydney")),
                List.of(new Roster(1, "Support", new int[] {1, 10, 6}, new int[] {1, 3, 1}),
                        new Roster(2, "Product Engineering", new int[] {0, 4, 1}, new int[] {0, 1, 0}),
                        new Roster(2, "Platform", new int[] {0, 2, 1}, new int[] {0, 0, 0}),
                        new Roster(3, "Product Engineering", new int[] {0, 2, 0}, new int[] {0, 0, 0}),
                        new Roster(3, "Platform", new int[] {0, 2, 0}, new int[] {0, 0, 0})),
                140, new double[] {25, 60, 150}, 0.1);
    }
}

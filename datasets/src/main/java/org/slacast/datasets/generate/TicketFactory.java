package org.slacast.datasets.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import net.datafaker.Faker;
import org.slacast.core.ticket.Impact;
import org.slacast.core.ticket.Priority;
import org.slacast.core.ticket.Ticket;
import org.slacast.core.ticket.Tier;
import org.slacast.core.ticket.Urgency;

/**
 * Draws ticket attributes: customers and requesters (names from Datafaker), system, category, channel, impact and
 * urgency, and a subject and body that fit the system and category. Every draw comes from seeded generators, so the same
 * seed gives the same tickets.
 */
final class TicketFactory {
    /** One customer organisation. */
    record Customer(String name, String contract, String region, List<String> requesters) {
    }

    private static final Map<String, List<String>> PROBLEMS = Map.of(
            "Hardware", List.of("device will not power on", "terminal keeps rebooting", "printer jams on every job",
                    "card reader not detected", "screen flickering after update"),
            "Software", List.of("error %d on submit", "crashes when opening statements", "batch job failed overnight",
                    "report shows wrong totals", "page hangs after login", "upgrade broke export"),
            "Network", List.of("timeouts from branch %d", "intermittent connection drops", "VPN tunnel down",
                    "latency above 2 seconds", "DNS lookups failing"),
            "Access", List.of("cannot log in", "password reset link expired", "needs access to %d shared folders",
                    "account locked after MFA change", "role missing after transfer"));

    /** Opening sentences of a body, by category; the subject's problem is restated after them. */
    private static final Map<String, List<String>> DETAILS = Map.of(
            "Hardware", List.of("The unit at desk %d stopped working this morning.",
                    "Swapping the cable did not help; it fails at %d%% of start-ups.",
                    "We have a spare but it shows the same fault."),
            "Software", List.of("It started after last night's release and affects about %d users.",
                    "Clearing the cache and signing in again did not help.",
                    "The log shows a timeout after %d seconds."),
            "Network", List.of("Branch staff report it since about %d minutes ago.",
                    "Other sites look fine; only our segment is affected.",
                    "A traceroute stops at hop %d."),
            "Access", List.of("I need this today to close the month-end tasks.",
                    "My manager approved it in request %d.",
                    "It worked until the password change last week."));

    private final Profile profile;
    private final Faker faker;
    private final SplittableRandom rnd;
    private final List<Customer> customers = new ArrayList<>();

    TicketFactory(Profile profile, SplittableRandom rnd, long seed) {
        this.profile = profile;
        this.rnd = rnd;
        this.faker = new Faker(Locale.ENGLISH, new Random(seed));
        List<String> regions = new ArrayList<>(profile.regions().keySet());
        regions.sort(null);
        for (int i = 0; i < 120; i++) {
            List<String> people = new ArrayList<>();
            int n = 3 + rnd.nextInt(25);
            for (int k = 0; k < n; k++) {
                people.add(faker.name().fullName());
            }
            customers.add(new Customer(faker.company().name(), pick(profile.contracts()),
                    regions.get(rnd.nextInt(regions.size())), people));
        }
    }

    /** @param rnd the arriving ticket's stream */
    Profile.SystemSpec system(SplittableRandom rnd) {
        double u = rnd.nextDouble() * profile.systems().stream().mapToDouble(Profile.SystemSpec::weight).sum();
        for (Profile.SystemSpec s : profile.systems()) {
            u -= s.weight();
            if (u <= 0) {
                return s;
            }
        }
        return profile.systems().getLast();
    }

    Profile.SystemSpec transactionalSystem(SplittableRandom rnd) {
        for (int i = 0; i < 20; i++) {
            Profile.SystemSpec s = system(rnd);
            if (s.transactional()) {
                return s;
            }
        }
        return profile.systems().getFirst();
    }

    /**
     * @param id       ticket id
     * @param at       arrival
     * @param system   the system
     * @param storm    part of an outage burst: higher impact, Network or Software
     * @param rnd      the ticket's own stream
     * @return the ticket
     */
    Ticket ticket(String id, Instant at, Profile.SystemSpec system, boolean storm, SplittableRandom rnd) {
        Customer c = customers.get(skewedIndex(customers.size(), rnd));
        String category = storm ? (rnd.nextDouble() < 0.6 ? "Network" : "Software") : pick(profile.categories(), rnd);
        Impact impact = storm ? (rnd.nextDouble() < 0.7 ? Impact.HIGH : Impact.MEDIUM)
                : level(Impact.values(), 0.12, 0.38, rnd);
        Urgency urgency = storm ? (rnd.nextDouble() < 0.6 ? Urgency.HIGH : Urgency.MEDIUM)
                : level(Urgency.values(), 0.15, 0.45, rnd);
        Priority priority = Priority.of(impact, urgency);
        String requester = c.requesters().get(rnd.nextInt(c.requesters().size()));
        String problem = fill(PROBLEMS.get(category), rnd);
        return new Ticket(id, at, priority, impact, urgency, Tier.L1, "Service Desk", category, system.name(),
                pick(profile.channels(), rnd), c.name(), c.contract(), c.region(), requester,
                system.name() + ": " + problem, body(system.name(), category, problem, requester, storm, rnd));
    }

    /** A short description as a requester writes it, with contact details that anonymisation must scrub. */
    private String body(String system, String category, String problem, String requester, boolean storm,
                        SplittableRandom rnd) {
        StringBuilder b = new StringBuilder("Hello,\n");
        b.append(system).append(": ").append(problem).append(". ").append(fill(DETAILS.get(category), rnd));
        if (storm) {
            b.append(" Colleagues in other teams see the same.");
        }
        b.append("\nPlease call me on ").append(faker.phoneNumber().phoneNumber()).append(" or write to ")
                .append(faker.internet().emailAddress(requester.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".")))
                .append(".\n").append(requester);
        return b.toString();
    }

    private static String fill(List<String> templates, SplittableRandom rnd) {
        String p = templates.get(rnd.nextInt(templates.size()));
        return p.contains("%d") ? p.formatted(10 + rnd.nextInt(90)) : p;
    }

    /** Zipf-like: a few customers raise most tickets. */
    private static int skewedIndex(int n, SplittableRandom rnd) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(rnd.nextDouble(), 2.2)));
    }

    private static <E> E level(E[] values, double high, double medium, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        return u < high ? values[0] : u < high + medium ? values[1] : values[2];
    }

    String pick(Map<String, Double> weighted) {
        return pick(weighted, rnd);
    }

    static String pick(Map<String, Double> weighted, SplittableRandom rnd) {
        List<String> keys = new ArrayList<>(weighted.keySet());
        keys.sort(null);
        double u = rnd.nextDouble() * weighted.values().stream().mapToDouble(Double::doubleValue).sum();
        for (String k : keys) {
            u -= weighted.get(k);
            if (u <= 0) {
                return k;
            }
        }
        return keys.getLast();
    }
}

package org.slacast.serving.alert;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slacast.core.store.DeskStore;

/**
 * Alerts and their deliveries, in the desk store beside the desk: an alert is recorded once per ticket and rule
 * (its key is the table's), together with one delivery per webhook, in one transaction; a delivery is claimed for a
 * lease before it is sent, so that replicas sharing the store never send it twice at once; one that failed every
 * attempt moves to the dead-letter table.
 */
public final class AlertStore {
    private final DeskStore store;

    /**
     * @param store the desk store; the alert tables are created when missing
     */
    public AlertStore(DeskStore store) {
        this.store = store;
        store.work("create the alert tables", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS alerts (alert_id VARCHAR PRIMARY KEY, ticket_id VARCHAR NOT NULL, "
                        + "rule VARCHAR NOT NULL, condition_at BIGINT NOT NULL, fired_at BIGINT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS alert_deliveries (delivery_id VARCHAR PRIMARY KEY, "
                        + "alert_id VARCHAR NOT NULL, webhook VARCHAR NOT NULL, payload VARCHAR NOT NULL, "
                        + "attempts INTEGER NOT NULL, next_at BIGINT NOT NULL, lease_until BIGINT NOT NULL, "
                        + "last_error VARCHAR, fired_at BIGINT NOT NULL, delivered_at BIGINT)");
                s.execute("CREATE TABLE IF NOT EXISTS alert_dead_letters (delivery_id VARCHAR PRIMARY KEY, "
                        + "alert_id VARCHAR NOT NULL, webhook VARCHAR NOT NULL, payload VARCHAR NOT NULL, "
                        + "attempts INTEGER NOT NULL, last_error VARCHAR, fired_at BIGINT NOT NULL, "
                        + "dead_at BIGINT NOT NULL)");
            }
            return null;
        });
    }

    /**
     * A delivery due to be sent.
     *
     * @param id       the delivery's id: the alert's, a slash, the webhook's name
     * @param alertId  the alert's id, sent as the idempotency key
     * @param webhook  the webhook's name
     * @param payload  the JSON payload, rendered when the alert fired
     * @param attempts attempts made before this one
     * @param firedAt  when the alert fired
     */
    public record Delivery(String id, String alertId, String webhook, String payload, int attempts, Instant firedAt) {
    }

    /**
     * An alert to record, with the payload for each webhook it goes to.
     *
     * @param alert    the alert
     * @param payloads the payload for each webhook, by name
     */
    public record Firing(Alert alert, Map<String, String> payloads) {
    }

    /**
     * Records alerts and their deliveries in one transaction, leaving out any recorded before for the same ticket
     * and rule, by this server or another.
     *
     * @param firings the alerts
     * @return those that were new
     */
    public List<Alert> fire(List<Firing> firings) {
        return store.transaction("record alerts", c -> {
            List<Alert> added = new ArrayList<>();
            try (PreparedStatement alert = c.prepareStatement("INSERT INTO alerts (alert_id, ticket_id, rule, "
                    + "condition_at, fired_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement delivery = c.prepareStatement("INSERT INTO alert_deliveries (delivery_id, "
                         + "alert_id, webhook, payload, attempts, next_at, lease_until, fired_at) "
                         + "VALUES (?, ?, ?, ?, 0, ?, 0, ?)")) {
                for (Firing f : firings) {
                    Alert a = f.alert();
                    alert.setString(1, a.id());
                    alert.setString(2, a.row().ticketId());
                    alert.setString(3, a.rule().name());
                    alert.setLong(4, a.conditionAt().toEpochMilli());
                    alert.setLong(5, a.firedAt().toEpochMilli());
                    if (alert.executeUpdate() == 0) {
                        continue;
                    }
                    added.add(a);
                    for (Map.Entry<String, String> e : f.payloads().entrySet()) {
                        delivery.setString(1, a.id() + "/" + e.getKey());
                        delivery.setString(2, a.id());
                        delivery.setString(3, e.getKey());
                        delivery.setString(4, e.getValue());
                        delivery.setLong(5, a.firedAt().toEpochMilli());
                        delivery.setLong(6, a.firedAt().toEpochMilli());
                        delivery.executeUpdate();
                    }
                }
            }
            return added;
        });
    }

    /**
     * @param since fired at or after this instant
     * @return the ids of the alerts fired since then
     */
    public Set<String> firedSince(Instant since) {
        return store.work("read the alerts fired", c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT alert_id FROM alerts WHERE fired_at >= ?")) {
                p.setLong(1, since.toEpochMilli());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Claims deliveries that are due and not claimed by anyone, each for a lease.
     *
     * @param now   now
     * @param lease how long a claim lasts: longer than one attempt
     * @param max   the most claimed at once
     * @return the deliveries claimed
     */
    public List<Delivery> claim(Instant now, java.time.Duration lease, int max) {
        return store.transaction("claim alert deliveries", c -> {
            List<Delivery> due = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT delivery_id, alert_id, webhook, payload, attempts, "
                    + "fired_at FROM alert_deliveries WHERE delivered_at IS NULL AND next_at <= ? AND lease_until <= ? "
                    + "ORDER BY next_at, delivery_id LIMIT ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setLong(2, now.toEpochMilli());
                p.setInt(3, max);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        due.add(new Delivery(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getInt(5), Instant.ofEpochMilli(r.getLong(6))));
                    }
                }
            }
            List<Delivery> claimed = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("UPDATE alert_deliveries SET lease_until = ? "
                    + "WHERE delivery_id = ? AND lease_until <= ? AND delivered_at IS NULL")) {
                for (Delivery d : due) {
                    p.setLong(1, now.plus(lease).toEpochMilli());
                    p.setString(2, d.id());
                    p.setLong(3, now.toEpochMilli());
                    if (p.executeUpdate() == 1) {
                        claimed.add(d);
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * What became of one attempt.
     *
     * @param delivery the delivery
     * @param error    why it failed, or null when the webhook took it
     * @param next     when to try again, or null when it failed its last attempt and is dead-lettered
     */
    public record Outcome(Delivery delivery, String error, Instant next) {
    }

    /**
     * Records the outcomes of a round of attempts in one transaction: a delivery taken is marked delivered, one
     * that failed waits for its next attempt, one that failed its last moves to the dead-letter table.
     *
     * @param outcomes the outcomes
     * @param at       when
     */
    public void settle(List<Outcome> outcomes, Instant at) {
        store.transaction("record alert deliveries", c -> {
            try (PreparedStatement done = c.prepareStatement("UPDATE alert_deliveries SET delivered_at = ?, "
                    + "attempts = attempts + 1 WHERE delivery_id = ?");
                 PreparedStatement retry = c.prepareStatement("UPDATE alert_deliveries SET attempts = attempts + 1, "
                         + "next_at = ?, lease_until = 0, last_error = ? WHERE delivery_id = ?");
                 PreparedStatement dead = c.prepareStatement("INSERT INTO alert_dead_letters (delivery_id, alert_id, "
                         + "webhook, payload, attempts, last_error, fired_at, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                         + "ON CONFLICT DO NOTHING");
                 PreparedStatement gone = c.prepareStatement("DELETE FROM alert_deliveries WHERE delivery_id = ?")) {
                for (Outcome o : outcomes) {
                    Delivery d = o.delivery();
                    if (o.error() == null) {
                        done.setLong(1, at.toEpochMilli());
                        done.setString(2, d.id());
                        done.executeUpdate();
                    } else if (o.next() != null) {
                        retry.setLong(1, o.next().toEpochMilli());
                        retry.setString(2, o.error());
                        retry.setString(3, d.id());
                        retry.executeUpdate();
                    } else {
                        dead.setString(1, d.id());
                        dead.setString(2, d.alertId());
                        dead.setString(3, d.webhook());
                        dead.setString(4, d.payload());
                        dead.setInt(5, d.attempts() + 1);
                        dead.setString(6, o.error());
                        dead.setLong(7, d.firedAt().toEpochMilli());
                        dead.setLong(8, at.toEpochMilli());
                        dead.executeUpdate();
                        gone.setString(1, d.id());
                        gone.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** @return deliveries not yet made, whether waiting or claimed */
    public long pending() {
        return count("SELECT count(*) FROM alert_deliveries WHERE delivered_at IS NULL");
    }

    /** @return deliveries in the dead-letter table */
    public long deadLetters() {
        return count("SELECT count(*) FROM alert_dead_letters");
    }

    /** @param before delivered deliveries older than this are forgotten: the alerts table still holds each alert */
    public void forgetDelivered(Instant before) {
        store.work("forget old alert deliveries", c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM alert_deliveries WHERE delivered_at IS NOT NULL "
                    + "AND delivered_at < ?")) {
                p.setLong(1, before.toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    private long count(String sql) {
        return store.work("count alert deliveries", c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

}

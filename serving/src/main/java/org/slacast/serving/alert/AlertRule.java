package org.slacast.serving.alert;

import java.util.List;
import java.util.Set;
import org.slacast.core.ticket.Priority;
import org.slacast.serving.QueueRow;

/**
 * One early-warning rule: a condition, optionally limited to teams, systems or priorities, and the webhooks told.
 *
 * @param name       the rule's name, unique in its file; with the ticket id it identifies an alert
 * @param condition  what makes it fire
 * @param teams      only tickets of these teams; empty: any
 * @param systems    only tickets of these systems; empty: any
 * @param priorities only tickets of these priorities; empty: any
 * @param webhooks   the webhooks told, by name
 */
public record AlertRule(String name, AlertCondition condition, Set<String> teams, Set<String> systems,
                        Set<Priority> priorities, List<String> webhooks) {
    /** Copies the sets and the list. */
    public AlertRule {
        teams = Set.copyOf(teams);
        systems = Set.copyOf(systems);
        priorities = Set.copyOf(priorities);
        webhooks = List.copyOf(webhooks);
    }

    /**
     * @param row a ticket's queue row
     * @return whether the rule fires for it
     */
    public boolean matches(QueueRow row) {
        return (teams.isEmpty() || teams.contains(row.team())) && (systems.isEmpty() || systems.contains(row.system()))
                && (priorities.isEmpty() || priorities.contains(row.priority())) && condition.test(row);
    }
}

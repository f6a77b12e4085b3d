package org.slacast.core.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The desk's health as of an instant, for one SLA metric.
 *
 * @param asOf      the instant
 * @param day       the local day of {@code asOf} the day's figures count
 * @param metric    the metric's label
 * @param bands     open tickets by SLA band label, in band order
 * @param atRiskByTeam open tickets at risk or overdue, by team, most first
 * @param breachesToday tickets whose metric breached on {@code day}
 * @param days      the last 30 local days, oldest first
 * @param teams     by team, over the 30 days, most tickets first
 * @param systems   by system, over the 30 days, most breaches first
 * @param chronic   systems with more than {@link #CHRONIC} breaches in the 30 days, most first
 * @param arrivals  arrivals in the 30 days by ISO weekday (index 0 = Monday) and local hour
 * @param breachesByHour breaches in the 30 days by the weekday and hour their ticket arrived
 */
public record DeskHealth(Instant asOf, LocalDate day, String metric, Map<String, Long> bands,
                         Map<String, Long> atRiskByTeam, List<Breach> breachesToday, List<Day> days, List<Group> teams,
                         List<Group> systems, List<Group> chronic, long[][] arrivals, long[][] breachesByHour) {
    /** A system with more breaches than this in a month is chronic. */
    public static final int CHRONIC = 10;
    /** The days the trends cover. */
    public static final int DAYS = 30;

    /**
     * One local day.
     *
     * @param date        the day
     * @param opened      tickets created that day
     * @param closed      tickets whose metric completed that day
     * @param backlog     tickets open at the day's end
     * @param breached    tickets whose metric breached that day
     * @param breachRate  the share of tickets completed that day that completed late, or NaN with none
     * @param rolling7    the same over the 7 days ending that day, or NaN with none
     */
    public record Day(LocalDate date, long opened, long closed, long backlog, long breached, double breachRate,
                      double rolling7) {
    }

    /**
     * One team or system over the 30 days.
     *
     * @param name       its name ("(none)" for tickets without one)
     * @param tickets    tickets created in the 30 days
     * @param completed  of the tickets completed in the 30 days, how many
     * @param breached   tickets whose metric breached in the 30 days
     * @param breachRate the share of completed tickets that completed late, or NaN with none
     * @param mttrHours  the mean hours from creation to completion of those completed, or NaN with none
     */
    public record Group(String name, long tickets, long completed, long breached, double breachRate,
                        double mttrHours) {
    }

    /**
     * A breach of the day.
     *
     * @param ticketId   the ticket
     * @param team       its team, or null
     * @param system     its system, or null
     * @param priority   its priority label
     * @param breachedAt when its metric breached
     */
    public record Breach(String ticketId, String team, String system, String priority, Instant breachedAt) {
    }
}

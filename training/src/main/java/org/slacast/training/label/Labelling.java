package org.slacast.training.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slacast.core.BadInputException;
import org.slacast.core.csv.GivenOutcomes;
import org.slacast.core.csv.Reject;
import org.slacast.core.ticket.Priority;
import org.slacast.models.LabelSource;
import org.slacast.training.data.TicketOutcome;

/**
 * The labels of one run. Under {@link LabelMode#GIVEN} a ticket with a given outcome takes it, whatever the clock
 * says; a ticket without one, when others have one, falls back to the clock's label and is counted
 * ({@code fallback}), so a partial outcomes file neither drops tickets nor hides that it is partial. Checkpoints
 * still follow the clock: a ticket is not scored after its clock breached or stopped.
 *
 * @param mode       the label used
 * @param source     what the manifest records
 * @param outcomes   every ticket's outcome, labelled
 * @param agreement  how often the clock agrees with the given outcomes, per priority, then {@code all}; empty
 *                   under the clock
 * @param fallback   labelled tickets without a given outcome, labelled by the clock
 * @param rejects    outcomes.csv rows left out
 * @param note       why the mode is what it is, when it was not asked for (e.g. no outcomes.csv), or null
 */
public record Labelling(LabelMode mode, LabelSource source, List<TicketOutcome> outcomes, List<Agreement> agreement,
                        long fallback, List<Reject> rejects, String note) {

    /**
     * @param clock     every ticket's outcome by the clock
     * @param given     the given outcomes, possibly none
     * @param requested the label asked for, or null for the default: given when there are given outcomes
     * @return the labelling
     * @throws BadInputException when given labels are asked for and there are none
     */
    public static Labelling of(List<TicketOutcome> clock, GivenOutcomes given, LabelMode requested) {
        if (requested == LabelMode.GIVEN && !given.present()) {
            throw new BadInputException("--label given: " + (given.file() == null
                    ? "there is no " + GivenOutcomes.FILE + " beside the tickets"
                    : given.file() + " has no usable row (" + given.rejects().size() + " rejected)")
                    + "; import with an outcome column in the mapping, or use --label clock");
        }
        LabelMode mode = requested != null ? requested : given.present() ? LabelMode.GIVEN : LabelMode.CLOCK;
        if (mode == LabelMode.CLOCK) {
            String note = requested == null && given.file() != null ? given.file() + " has no usable row; labels "
                    + "come from the clock" : requested == LabelMode.CLOCK && given.present()
                    ? String.format("--label clock: the %,d given outcomes in %s are not used",
                    given.breached().size(), given.file()) : null;
            return new Labelling(mode, LabelSource.CLOCK, clock, List.of(), 0, given.rejects(), note);
        }
        Map<String, Agreement> byPriority = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            byPriority.put(p.label(), new Agreement(p.label(), 0, 0, 0, 0, 0));
        }
        Agreement all = new Agreement("all", 0, 0, 0, 0, 0);
        List<TicketOutcome> out = new ArrayList<>(clock.size());
        long fallback = 0;
        long fromGiven = 0;
        for (TicketOutcome o : clock) {
            Boolean b = given.breached().get(o.ticket().id());
            if (b == null) {
                fallback += o.label() >= 0 ? 1 : 0;
                out.add(o);
                continue;
            }
            fromGiven++;
            out.add(o.withLabel(b ? 1 : 0));
            byPriority.computeIfPresent(o.ticket().priority().label(), (k, a) -> a.add(b, o.clock()));
            all = all.add(b, o.clock());
        }
        List<Agreement> rows = new ArrayList<>(byPriority.values().stream().filter(a -> a.given() > 0).toList());
        rows.add(all);
        LabelSource source = new LabelSource("given", given.file().toString(), fromGiven, fallback);
        return new Labelling(mode, source, List.copyOf(out), List.copyOf(rows), fallback, given.rejects(), null);
    }

    /** @return the overall agreement, or null under the clock */
    public Agreement overall() {
        return agreement.isEmpty() ? null : agreement.getLast();
    }

    /** @return one line for the user, e.g. "labels: given (...); the clock agrees on 91.2% of 4,700" */
    public String summary() {
        StringBuilder s = new StringBuilder("labels: ").append(source.label());
        Agreement a = overall();
        if (a != null) {
            s.append(String.format("; the SLA clock agrees with the given outcome on %.1f%% of the %,d tickets it "
                    + "has a reading for (given breached: %,d, clock breached: %,d)", 100 * a.rate(), a.compared(),
                    a.givenBreached(), a.clockBreached()));
        }
        if (note != null) {
            s.append("; ").append(note);
        }
        if (!rejects.isEmpty()) {
            s.append(String.format("; %,d outcome rows rejected (first: %s)", rejects.size(), rejects.getFirst()));
        }
        return s.toString();
    }
}

package org.slacast.core.band;

import org.slacast.core.BadInputException;
import java.util.Locale;
import java.util.Set;

/**
 * One row of a checkpoint/task list: {@code task_id,owner,checkpoint,status,due_date,completed_at,priority}.
 *
 * @param taskId     the task
 * @param owner      who owns it, or null
 * @param checkpoint the checkpoint name, or null
 * @param status     the status as written
 * @param due        the due date, or null
 * @param completed  when it was completed, or null
 * @param priority   the priority as written, or null
 */
public record TaskItem(String taskId, String owner, String checkpoint, String status, TaskDate due,
                       TaskDate completed, String priority) {
    private static final Set<String> ACTIVE = Set.of("", "open", "new", "in_progress", "in progress", "active",
            "started", "todo", "to do", "assigned", "reopened");
    private static final Set<String> PAUSED = Set.of("paused", "on_hold", "on hold", "pending", "waiting", "blocked");
    private static final Set<String> INACTIVE = Set.of("done", "completed", "complete", "closed", "resolved",
            "cancelled", "canceled", "deferred", "draft", "not_started", "not started");

    /** How the status reads for banding. */
    public enum State { ACTIVE, PAUSED, NOT_ACTIVE }

    /** Checks that the status is one we understand. */
    public TaskItem {
        state(status);
    }

    /** @return how the status reads */
    public State state() {
        return state(status);
    }

    private static State state(String status) {
        String s = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (ACTIVE.contains(s)) {
            return State.ACTIVE;
        }
        if (PAUSED.contains(s)) {
            return State.PAUSED;
        }
        if (INACTIVE.contains(s)) {
            return State.NOT_ACTIVE;
        }
        throw new BadInputException("status '" + status + "' is not known; use open or in_progress (active), "
                + "paused/on_hold/pending (paused), or done/closed/cancelled (not active)");
    }
}
